package luoshi.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The whole country's facts for two years, generated from fixed seeds so that every run loads the same rows:
 * the 44,700 regions of docs/data/regions-cn-2023.csv, a population per region and year, funding records per
 * city, county, township and category, union fees per city and county, committee terms and meetings per province,
 * city and county, implementation plans of most provinces, and the union, youth league and women's federation of
 * each township with their leaders. Roughly a third of everything falls short of its requirement, so that every
 * status occurs at national scale. Each kind has its own seed: changing one leaves the others as they were.
 */
final class NationalData {

    static final long SEED = 20151216L;   // SHAOXING-2015's date
    static final int[] YEARS = {2024, 2025};
    static final String[] CATEGORIES = {"YOUTH_LEAGUE_WORK", "WOMENS_WORK", "SCIENCE_ASSOCIATION_SPECIAL", "UNION_WORK", "OTHER"};
    static final String[] MEETING_TYPES = {"STANDING_COMMITTEE_STUDY", "REPORT_HEARING", "JOINT_MEETING", "MASS_ORG_WORK_CONFERENCE"};
    static final String[] TOWNSHIP_ORGANISATIONS = {"UNION", "YOUTH_LEAGUE", "WOMENS_FEDERATION"};

    record Region(String code, String name, String level, String parentCode) {
        boolean isLevel(String... levels) {
            for (String l : levels) {
                if (l.equals(level)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Population(String regionCode, int year, long total, long female, long youth) {
    }

    record Funding(String regionCode, String category, int fiscalYear, BigDecimal amount, String documentRef) {
    }

    record UnionFee(String regionCode, int year, BigDecimal due, BigDecimal collected) {
    }

    record Term(String id, String regionCode, LocalDate start, LocalDate end) {
    }

    record Meeting(String id, String regionCode, String type, LocalDate date, String title, String documentRef) {
    }

    record Document(String id, String regionCode, String type, LocalDate date, String title, String documentRef) {
    }

    record Leader(String name, String role, String employment, boolean frontline, LocalDate from, LocalDate to) {
    }

    record Organisation(String regionCode, String type, String name, List<Leader> leaders) {
    }

    final List<Region> regions;
    final List<Population> population = new ArrayList<>();
    final List<Funding> funding = new ArrayList<>();
    final List<UnionFee> unionFees = new ArrayList<>();
    final List<Term> terms = new ArrayList<>();
    final List<Meeting> meetings = new ArrayList<>();
    final List<Document> documents = new ArrayList<>();
    final List<Organisation> organisations = new ArrayList<>();
    final String regionsCsv;

    NationalData(Path regionsFile) throws IOException {
        regionsCsv = Files.readString(regionsFile, StandardCharsets.UTF_8);
        regions = regionsCsv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1))
                .map(f -> new Region(f[0], f[1], f[2], f[3].isEmpty() ? null : f[3])).toList();
        population();
        funding();
        unionFees();
        committees();
        organisations();
    }

    int leaderCount() {
        return organisations.stream().mapToInt(o -> o.leaders().size()).sum();
    }

    private void population() {
        Random random = new Random(SEED + 1);
        for (Region r : regions) {
            long base = switch (r.level()) {
                case "PROVINCE" -> 5_000_000L + random.nextInt(95_000_000);
                case "CITY" -> 500_000L + random.nextInt(12_000_000);
                case "COUNTY" -> 100_000L + random.nextInt(1_500_000);
                default -> 3_000L + random.nextInt(120_000);
            };
            for (int year : YEARS) {
                long total = base + (year - YEARS[0]) * (base / 200);   // a growth of 0.5 % a year
                population.add(new Population(r.code(), year, total, total * (480 + random.nextInt(30)) / 1000,
                        total * (150 + random.nextInt(100)) / 1000));
                populationTotals.put(r.code() + "/" + year, total);
            }
        }
    }

    private long populationOf(String code, int year) {
        return populationTotals.get(code + "/" + year);
    }

    private final java.util.Map<String, Long> populationTotals = new java.util.HashMap<>();

    private void funding() {
        Random random = new Random(SEED + 2);
        for (Region r : regions) {
            if (r.isLevel("PROVINCE")) {
                continue;
            }
            for (int year : YEARS) {
                for (String category : CATEGORIES) {
                    if (random.nextInt(100) < 8) {
                        continue;                            // no record of that category this year
                    }
                    BigDecimal amount = switch (category) {
                        // SHAOXING-2015 item 21: 不少于2万元 — about two thirds reach it
                        case "YOUTH_LEAGUE_WORK" -> cents(random, 14_000, 28_000);
                        // 按人均一元钱: population × 0.8 … 1.3
                        case "WOMENS_WORK" -> BigDecimal.valueOf(populationOf(r.code(), year))
                                .multiply(BigDecimal.valueOf(80 + random.nextInt(50), 2)).setScale(2, RoundingMode.HALF_UP);
                        case "SCIENCE_ASSOCIATION_SPECIAL" -> cents(random, 10_000, 200_000);
                        case "UNION_WORK" -> cents(random, 5_000, 100_000);
                        default -> cents(random, 1_000, 50_000);
                    };
                    funding.add(new Funding(r.code(), category, year, amount, "财〔" + year + "〕" + (1 + random.nextInt(300)) + "号"));
                }
            }
        }
    }

    private void unionFees() {
        Random random = new Random(SEED + 3);
        for (Region r : regions) {
            if (!r.isLevel("CITY", "COUNTY")) {
                continue;
            }
            for (int year : YEARS) {
                BigDecimal due = cents(random, 100_000, 10_000_000);
                BigDecimal collected = random.nextInt(100) < 60 ? due
                        : due.multiply(BigDecimal.valueOf(900 + random.nextInt(100), 3)).setScale(2, RoundingMode.DOWN);
                unionFees.add(new UnionFee(r.code(), year, due, collected));
            }
        }
    }

    private void committees() {
        Random random = new Random(SEED + 4);
        LocalDate firstStart = LocalDate.of(2019, 7, 1);
        for (Region r : regions) {
            if (!r.isLevel("PROVINCE", "CITY", "COUNTY")) {
                continue;
            }
            // a five-year term that began between mid-2019 and 2022; one ending before 2026 is followed by the next
            LocalDate start = firstStart.plusDays(random.nextInt(1280));
            LocalDate end = start.plusYears(5).minusDays(1);
            terms.add(new Term(uuid(random), r.code(), start, end));
            if (end.isBefore(LocalDate.of(2026, 1, 1))) {
                terms.add(new Term(uuid(random), r.code(), end.plusDays(1), end.plusYears(5)));
            }
            for (int year : YEARS) {
                for (String type : MEETING_TYPES) {
                    int n = type.equals("MASS_ORG_WORK_CONFERENCE") ? (random.nextInt(100) < 25 ? 1 : 0)
                            : switch (random.nextInt(20)) {
                                case 0, 1, 2 -> 0;                   // 15 %: none that year
                                case 3, 4, 5, 6, 7 -> 2;
                                default -> 1;
                            };
                    for (int i = 0; i < n; i++) {
                        LocalDate date = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
                        meetings.add(new Meeting(uuid(random), r.code(), type, date, r.name() + "党委" + title(type),
                                "委常〔" + year + "〕" + (1 + random.nextInt(60)) + "号"));
                    }
                }
            }
            if (r.isLevel("PROVINCE") && random.nextInt(100) < 80) {
                documents.add(new Document(uuid(random), r.code(), "IMPLEMENTATION_PLAN",
                        LocalDate.of(2015, 9, 1).plusDays(random.nextInt(120)), r.name() + "关于加强和改进党的群团工作的实施意见",
                        "委发〔2015〕" + (1 + random.nextInt(40)) + "号"));
            }
        }
    }

    private void organisations() {
        Random random = new Random(SEED + 5);
        String[] suffix = {"总工会", "团工委", "妇女联合会"};
        for (Region r : regions) {
            if (!r.isLevel("TOWNSHIP")) {
                continue;
            }
            for (int t = 0; t < TOWNSHIP_ORGANISATIONS.length; t++) {
                if (random.nextInt(100) < 3) {
                    continue;                                // 3 %: the township has none of this type
                }
                List<Leader> leaders = new ArrayList<>();
                LocalDate from = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(2300));
                int e = random.nextInt(100);
                String employment = e < 85 ? "FULL_TIME" : e < 95 ? "PART_TIME" : "SECONDED";
                if (random.nextInt(100) < 4) {
                    // the head left in 2024 and none was appointed since: no HEAD in office
                    leaders.add(new Leader(name(random), "HEAD", "FULL_TIME", false, LocalDate.of(2019, 3, 1),
                            LocalDate.of(2024, 1, 1).plusDays(random.nextInt(300))));
                } else {
                    if (from.isAfter(LocalDate.of(2020, 1, 1))) {
                        leaders.add(new Leader(name(random), "HEAD", "FULL_TIME", false, LocalDate.of(2016, 1, 1),
                                from.minusDays(1)));     // the predecessor
                    }
                    leaders.add(new Leader(name(random), "HEAD", employment, random.nextInt(100) < 30, from, null));
                }
                for (int d = random.nextInt(3); d > 0; d--) {
                    leaders.add(new Leader(name(random), "DEPUTY", random.nextBoolean() ? "PART_TIME" : "FULL_TIME",
                            random.nextInt(100) < 40, LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1800)), null));
                }
                organisations.add(new Organisation(r.code(), TOWNSHIP_ORGANISATIONS[t], r.name() + suffix[t], leaders));
            }
        }
    }

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅晨浩宇欣怡子涵雨轩文博思远嘉慧";

    private static String name(Random random) {
        StringBuilder sb = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        for (int i = random.nextInt(3) == 0 ? 1 : 2; i > 0; i--) {
            sb.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return sb.toString();
    }

    private static String title(String meetingType) {
        return switch (meetingType) {
            case "STANDING_COMMITTEE_STUDY" -> "常委会专题研究群团工作";
            case "REPORT_HEARING" -> "常委会听取群团组织工作汇报";
            case "JOINT_MEETING" -> "群团工作联席会议";
            default -> "党的群团工作会议";
        };
    }

    /** A random amount in [min, max) yuan with cents. */
    private static BigDecimal cents(Random random, int min, int max) {
        return BigDecimal.valueOf((long) min * 100 + (long) (random.nextDouble() * (max - min) * 100), 2);
    }

    /** A UUID from the seeded random, so that ids repeat from run to run too. */
    private static String uuid(Random random) {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }
}
