package luoshi.api.review;

/** Documents a committee submits. */
public enum DocumentType {
    /** 实施方案 (CENTRAL-2015, closing paragraph: 制定实施方案). */
    IMPLEMENTATION_PLAN
}
