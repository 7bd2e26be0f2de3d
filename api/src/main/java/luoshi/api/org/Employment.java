package luoshi.api.org;

/** How a leader holds the post: 专职 FULL_TIME, 兼职 PART_TIME, 挂职 SECONDED. */
public enum Employment {
    FULL_TIME, PART_TIME, SECONDED
}
