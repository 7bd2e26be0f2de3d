-- Satisfaction assessments by third parties (API.md, "Satisfaction assessments"; SHAOXING-2015: 以群众满意为标准引入第三方
-- 评估). The year's assessments of a region and subject feed SATISFACTION_RATE: Σ satisfied ÷ Σ respondents.
CREATE TABLE satisfaction_assessment (
  id           CHAR(36)     NOT NULL PRIMARY KEY,
  region_code  VARCHAR(12)  NOT NULL,
  year         INT          NOT NULL,
  assessor     VARCHAR(255) NOT NULL,
  method       VARCHAR(40)  NOT NULL,
  respondents  INT          NOT NULL,
  satisfied    INT          NOT NULL,
  subject      VARCHAR(20)  NOT NULL,   -- AssessmentSubject: MASSES, SUBORDINATE_ORGS
  document_ref VARCHAR(100) NULL,
  version      BIGINT       NOT NULL DEFAULT 1,
  created_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  -- the rule reads a year's assessments of one subject over the regions of a subtree
  KEY idx_assessment_subject_year (subject, year, region_code),
  KEY idx_assessment_region (region_code, year),
  CONSTRAINT chk_assessment_respondents CHECK (respondents > 0),
  CONSTRAINT chk_assessment_satisfied CHECK (satisfied >= 0 AND satisfied <= respondents)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
