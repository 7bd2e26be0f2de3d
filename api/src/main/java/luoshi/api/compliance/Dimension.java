package luoshi.api.compliance;

/**
 * The dimension of a requirement in the evaluation (ZHEJIANG-2020 §8: 共性指标, 个性指标, 进度指标): what every region
 * does alike, what a region's own situation sets, and how far a plan has progressed.
 */
public enum Dimension {
    COMMON, SPECIFIC, PROGRESS
}
