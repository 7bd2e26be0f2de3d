package luoshi.api.compliance;

/**
 * The dimension of a requirement in the evaluation (ZHEJIANG-2020 §8: 共性指标, 个性指标, 进度指标; SHAOXING-2015:
 * 群众满意度): what every region does alike, what a region's own situation sets, how far a plan has progressed, and how
 * satisfied the people served are, as third parties measured it.
 */
public enum Dimension {
    COMMON, SPECIFIC, PROGRESS, SATISFACTION
}
