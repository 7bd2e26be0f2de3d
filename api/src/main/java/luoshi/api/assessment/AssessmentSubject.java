package luoshi.api.assessment;

/**
 * Whose satisfaction an assessment measured (API.md, "Satisfaction assessments"; SHAOXING-2015: 增加下级群团组织和所联系服务
 * 群众满意度所占权重).
 */
public enum AssessmentSubject {
    /** The masses a mass organisation serves (所联系服务群众): MASS_SATISFACTION counts these. */
    MASSES,
    /** The lower-level mass organisations (下级群团组织): SUBORDINATE_SATISFACTION counts these. */
    SUBORDINATE_ORGS
}
