package luoshi.api.review;

/** The four kinds of party committee meeting of API.md, "Committee terms, meetings, documents". */
public enum MeetingType {
    /** 党委常委会专题研究群团工作 (CENTRAL-2015 §3). */
    STANDING_COMMITTEE_STUDY,
    /** 党委常委会听取群团组织工作汇报 (CENTRAL-2015 §3). */
    REPORT_HEARING,
    /** 党委群团工作会议, once per term (CENTRAL-2015 §3; ZHEJIANG-2020). */
    MASS_ORG_WORK_CONFERENCE,
    /** 群团工作联席会议 (SHAOXING-2015 item 17). */
    JOINT_MEETING
}
