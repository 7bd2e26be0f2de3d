package luoshi.review.committee;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import luoshi.api.review.CommitteeTerm;

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

    public CommitteeTerm toDto() {
        return new CommitteeTerm(id, regionCode, start, end);
    }
}
