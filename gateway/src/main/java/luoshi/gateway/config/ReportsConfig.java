package luoshi.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithDefault;

/** The settings of the reports (API.md, "Reports"): {@code luoshi.reports.*}. */
@ConfigMapping(prefix = "luoshi.reports")
public interface ReportsConfig {

    /** The setting's name, as a problem names it. */
    String CJK_FONT = "luoshi.reports.cjk-font";

    /**
     * LUOSHI_REPORTS_CJK_FONT: the font (TrueType or OpenType: .ttf, .otf, or a collection .ttc, whose first font is
     * taken) that the PDF report embeds a subset of for its Chinese; by default Debian's fonts-wqy-zenhei, which
     * .ci/run, deploy/local/run.sh and the gateway's image install (Debian's fonts-noto-cjk,
     * /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc, works too). Without it the PDF report is a 503 naming this setting (never a PDF without its Chinese).
     */
    @WithName("cjk-font")
    @WithDefault("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
    String cjkFont();
}
