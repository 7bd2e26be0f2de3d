package luoshi.platform;

import java.util.List;

/**
 * Why a service's compliance answers may be wrong at the moment they are given (a read copy of the regions that is
 * behind org-service, say): an optional bean, whose warnings every items and rollup answer carries.
 */
public interface ComplianceWarnings {

    List<String> warnings();
}
