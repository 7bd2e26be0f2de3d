package luoshi.review.committee;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import luoshi.api.review.CommitteeTerm;
import luoshi.api.review.NewCommitteeTerm;

@Entity
@Table(name = "committee_term")
public class CommitteeTermEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "start_date")
    public LocalDate start;

    @Column(name = "end_date")
    public LocalDate end;

    /** A new term, with its new id, not stored yet. */
    public static CommitteeTermEntity of(NewCommitteeTerm t) {
        CommitteeTermEntity e = new CommitteeTermEntity();
        e.id = UUID.randomUUID().toString();
        e.regionCode = t.regionCode();
        e.start = t.start();
        e.end = t.end();
        return e;
    }

    /** Whether the two terms share a day (a term ends on its last day: one ending 09-30 and one starting 09-30 overlap). */
    public boolean overlaps(CommitteeTermEntity other) {
        return !start.isAfter(other.end) && !end.isBefore(other.start);
    }

    public CommitteeTerm toDto() {
        return new CommitteeTerm(id, regionCode, start, end);
    }
}
