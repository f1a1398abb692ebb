extension Metrics {
    /// The metrics.json document (docs/metrics.md "metrics.json"), ending in a newline.
    public var json: String {
        var writer = JSONWriter()
        write(to: &writer, key: nil)
        return writer.text + "\n"
    }

    /// metrics.json without the group lists of `desks` and `rooms` (`by_*`,
    /// `daily`, `by_weekday`, `heatmap`): totals, `previous`, insights,
    /// colocation, capacity and forward, all that the headline and the index
    /// read, in a few kilobytes instead of megabytes.
    public var headlineJSON: String {
        var writer = JSONWriter()
        write(to: &writer, key: nil, groups: false)
        return writer.text + "\n"
    }

    /// Writes the document (`key` nil) or `previous` (`key` "previous"); `groups`
    /// false leaves out the group lists (`headlineJSON`).
    func write(to w: inout JSONWriter, key: String?, groups: Bool = true) {
        w.beginObject(key)
        w.field("schema_version", 1)
        // Only an audience report has the key, so the organisation's metrics.json is as before.
        if key == nil, let audience {
            w.beginObject("audience")
            w.field("name", audience.name)
            w.field("slug", audience.slug)
            w.endObject()
        }
        w.beginObject("period")
        w.field("from", period.from.description)
        w.field("to", period.to.description)
        w.field("workdays", workdays)
        w.endObject()
        desks.write(to: &w, groups: groups)
        rooms.write(to: &w, groups: groups)
        if let previous { previous.metrics.write(to: &w, key: "previous", groups: groups) } else { w.null("previous") }
        w.beginArray("insights")
        for insight in insights { insight.write(to: &w) }
        w.endArray()
        colocation.write(to: &w)
        capacity.write(to: &w)
        if let forward { forward.write(to: &w) } else { w.null("forward") }
        w.endObject()
    }
}

extension DeskMetrics {
    func write(to w: inout JSONWriter, groups: Bool) {
        w.beginObject("desks")
        w.beginObject("total"); total.write(to: &w); w.endObject()
        guard groups else { return w.endObject() }
        for (name, groups) in [("by_building", byBuilding), ("by_floor", byFloor),
                               ("by_department", byDepartment), ("by_type", byType),
                               ("by_work_area", byWorkArea)] {
            w.groups(name, groups) { $0.write(to: &$1) }
        }
        w.beginArray("daily")
        for day in daily {
            w.beginObject()
            w.field("date", day.date.description)
            w.field("people", day.people)
            w.field("desks", day.desks)
            w.endObject()
        }
        w.endArray()
        w.beginArray("by_weekday")
        for (index, people) in byWeekday.enumerated() {
            w.beginObject()
            w.field("weekday", Weekday.names[index])
            w.field("people", people)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}

extension DeskFigures {
    func write(to w: inout JSONWriter) {
        w.field("reservations", reservations)
        w.field("canceled_in_advance", canceledInAdvance)
        w.field("released", released)
        w.field("checked_in", checkedIn)
        w.field("kept", kept)
        w.field("check_in_rate", checkInRate)
        w.field("no_show_rate", noShowRate)
        w.field("people", people)
        w.field("person_days", personDays)
        w.field("avg_days_per_person", avgDaysPerPerson)
        w.field("desks_seen", desksSeen)
        w.field("desk_days", deskDays)
        w.field("desk_utilization", deskUtilization)
        w.field("avg_daily_people", avgDailyPeople)
        w.field("peak_date", peakDate?.description)
        w.field("peak_people", peakPeople)
        w.field("booked_hours", bookedHours)
        w.field("policy_adherence", policyAdherence)
    }
}

extension RoomMetrics {
    func write(to w: inout JSONWriter, groups: Bool) {
        w.beginObject("rooms")
        w.beginObject("total"); total.write(to: &w); w.endObject()
        guard groups else { return w.endObject() }
        for (name, groups) in [("by_building", byBuilding), ("by_floor", byFloor),
                               ("by_space", bySpace), ("by_department", byDepartment)] {
            w.groups(name, groups) { $0.write(to: &$1) }
        }
        w.beginArray("heatmap")
        for cell in heatmap {
            w.beginObject()
            w.field("weekday", Weekday.name(cell.weekday))
            w.field("hour", cell.hour)
            w.field("share", cell.share)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}

extension RoomFigures {
    func write(to w: inout JSONWriter) {
        w.field("events", events)
        w.field("meetings", meetings)
        w.field("canceled", canceled)
        w.field("declined", declined)
        w.field("auto_unbooked", autoUnbooked)
        w.field("checked_in", checkedIn)
        w.field("all_day", allDay)
        w.field("ghost_rate", ghostRate)
        w.field("check_in_rate", checkInRate)
        w.field("booked_hours", bookedHours)
        w.field("avg_meeting_minutes", avgMeetingMinutes)
        w.field("rooms_seen", roomsSeen)
        w.field("utilization", utilization)
        w.field("avg_attendees", avgAttendees)
        w.field("avg_fill", avgFill)
        w.field("oversized_share", oversizedShare)
        w.field("avg_minutes_delayed", avgMinutesDelayed)
    }
}

extension JSONWriter {
    /// An array of group objects: key fields first, then the figures.
    mutating func groups<Value>(_ name: String, _ groups: [Group<Value>],
                                figures: (Value, inout JSONWriter) -> Void) {
        beginArray(name)
        for group in groups {
            beginObject()
            group.key.write(to: &self)
            figures(group.figures, &self)
            endObject()
        }
        endArray()
    }
}

extension GroupKey {
    func write(to w: inout JSONWriter) {
        for field in fields { w.field(field.name, field.value) }
    }
}
