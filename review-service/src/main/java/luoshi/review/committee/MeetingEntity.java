package luoshi.review.committee;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import luoshi.api.review.Meeting;
import luoshi.api.review.MeetingType;
import luoshi.api.review.NewMeeting;

@Entity
@Table(name = "meeting")
@AttributeOverride(name = "date", column = @Column(name = "meeting_date"))
public class MeetingEntity extends CommitteeRecordEntity<MeetingType> {

    /** A new meeting, with its new id, not stored yet. */
    public static MeetingEntity of(NewMeeting m) {
        MeetingEntity e = new MeetingEntity();
        e.fill(m.regionCode(), m.type(), m.date(), m.title(), m.documentRef());
        return e;
    }

    /** Corrects the meeting's fields to {@code m}'s. */
    public void correct(NewMeeting m) {
        assign(m.regionCode(), m.type(), m.date(), m.title(), m.documentRef());
    }

    @Override
    public Meeting toDto() {
        return new Meeting(id, regionCode, type, date, title, documentRef);
    }
}
