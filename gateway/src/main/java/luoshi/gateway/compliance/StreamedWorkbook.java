package luoshi.gateway.compliance;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * POI's streaming workbook as the exports write it (the follow-up list's XLSX, the report's): the rows past the
 * window gzipped to a temporary file at {@link Deflater#BEST_SPEED}, and the file's zip deflated at
 * {@link #ZIP_LEVEL}. POI's defaults deflate the sheet's XML twice at the default level (into the temporary file,
 * then into the zip) and escape it a character at a time, each through a lock; on the country's report (716,135 rows,
 * 546 MB of XML) that was most of the gateway's CPU. At the fastest level the temporary file and the workbook are
 * some 46 MB instead of 37. The XML is POI's, to the byte: only its text is escaped a run of plain characters at a time
 * ({@link #escape}), and written through a buffer without a lock ({@link Unlocked}).
 */
final class StreamedWorkbook extends SXSSFWorkbook {

    /** The deflate level of the workbook's zip: the fastest (a quarter larger than at the default level, 6). */
    static final int ZIP_LEVEL = Deflater.BEST_SPEED;
    private static final int BUFFER = 64 * 1024;

    StreamedWorkbook(int window) {
        super(null, window, true, false);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return new FastWriter();
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
        zip.setLevel(ZIP_LEVEL);
        return zip;
    }

    /** A sheet's rows past the window, gzipped at the fastest level; its text escaped a run at a time. */
    static final class FastWriter extends SheetDataWriter {

        FastWriter() throws IOException {
            super((SharedStringsTable) null);   // inline strings, as SXSSF's default
        }

        /**
         * POI's writer (UTF-8, buffered) behind a buffer that takes no lock: POI writes a row as some twenty strings a
         * cell, each a synchronized write to a {@link java.io.BufferedWriter} (a fifth of the gateway's samples).
         */
        @Override
        @SuppressWarnings("deprecation")   // POI's hook for the writer: to be protected in POI 6
        public Writer createWriter(File fd) throws IOException {
            return new Unlocked(super.createWriter(fd));
        }

        @Override
        protected OutputStream decorateOutputStream(FileOutputStream fos) throws IOException {
            return new GZIPOutputStream(fos, BUFFER) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
        }

        @Override
        protected InputStream decorateInputStream(FileInputStream fis) throws IOException {
            return new GZIPInputStream(fis, BUFFER);
        }

        @Override
        protected void outputEscapedString(String s) throws IOException {
            escape(s, _out);
        }
    }

    /** A buffer in front of {@code out}, for the one thread that writes a sheet: no lock, whole chunks passed on. */
    static final class Unlocked extends Writer {

        private final Writer out;
        private final char[] buffer = new char[BUFFER / 2];
        private int size;

        Unlocked(Writer out) {
            this.out = out;
        }

        @Override
        public void write(int c) throws IOException {
            if (size == buffer.length) {
                drain();
            }
            buffer[size++] = (char) c;
        }

        @Override
        public void write(String s, int offset, int length) throws IOException {
            if (length > buffer.length - size) {
                drain();
                if (length > buffer.length) {
                    out.write(s, offset, length);
                    return;
                }
            }
            s.getChars(offset, offset + length, buffer, size);
            size += length;
        }

        @Override
        public void write(String s) throws IOException {
            write(s, 0, s.length());
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            if (length > buffer.length - size) {
                drain();
                if (length > buffer.length) {
                    out.write(chars, offset, length);
                    return;
                }
            }
            System.arraycopy(chars, offset, buffer, size, length);
            size += length;
        }

        private void drain() throws IOException {
            if (size > 0) {
                out.write(buffer, 0, size);
                size = 0;
            }
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            drain();
            out.close();
        }
    }

    /**
     * {@code s} as POI's {@code SheetDataWriter.outputEscapedString} writes it, which writes a character at a time (each
     * through a synchronized write, a supplementary one through a new array): here the runs between the characters it
     * replaces are written whole. The replacements are POI's: the XML entities but {@code '} ({@code &lt; &gt; &amp;
     * &quot;}), a line feed, carriage return, tab and no-break space as character references, any other control
     * character and U+FFFE, U+FFFF as {@code ?}; everything else (a surrogate too) as it is.
     */
    static void escape(String s, Writer out) throws IOException {
        if (s == null) {
            return;
        }
        int run = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            String replacement = replacement(s.charAt(i));
            if (replacement != null) {
                if (i > run) {
                    out.write(s, run, i - run);
                }
                out.write(replacement);
                run = i + 1;
            }
        }
        if (run < s.length()) {
            out.write(s, run, s.length() - run);
        }
    }

    /** What POI writes for {@code c}, or null when it writes {@code c} itself. */
    static String replacement(char c) {
        switch (c) {
            case '<':
                return "&lt;";
            case '>':
                return "&gt;";
            case '&':
                return "&amp;";
            case '"':
                return "&quot;";
            case '\n':
                return "&#xa;";
            case '\r':
                return "&#xd;";
            case '\t':
                return "&#x9;";
            case '\u00A0':
                return "&#xa0;";
            default:
                return c < ' ' || c >= '\uFFFE' ? "?" : null;
        }
    }
}
