package luoshi.review.committee;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import luoshi.api.review.Meeting;
import luoshi.api.review.MeetingType;

@Entity
@Table(name = "meeting")
public class MeetingEntity extends CommitteeRecordEntity {

    @Enumerated(EnumType.STRING)
    public MeetingType type;

    @Column(name = "meeting_date")
    public LocalDate date;

    public Meeting toDto() {
        return new Meeting(id, regionCode, type, date, title, documentRef);
    }
}
