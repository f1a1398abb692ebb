extension Insight {
    /// One entry of metrics.json's `insights`: `kind` first, then the fields docs/metrics.md lists.
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("kind", kind.rawValue)
        switch self {
        case .mover(let mover):
            w.field("measure", mover.measure.rawValue)
            mover.group.write(to: &w, key: "group")
            w.field("value", mover.value)
            w.field("previous", mover.previous)
            w.field("change", mover.change)
            w.field("relative_change", mover.relativeChange)
            w.field("baseline", mover.baseline)
        case .target(let check):
            w.field("measure", check.measure.rawValue)
            check.group.write(to: &w, key: "group")
            w.field("value", check.value)
            w.field("target", check.target)
            w.field("status", check.status.rawValue)
        case .lowDay(let day):
            w.field("date", day.date.description)
            w.field("people", day.people)
            w.field("usual", day.usual)
        case .capacity(let alert):
            alert.group.write(to: &w, key: "group")
            w.field("status", alert.status.rawValue)
            w.field("peak_occupancy", alert.peakOccupancy)
        case .busyDay(let day):
            day.group.write(to: &w, key: "group")
            w.field("date", day.date.description)
            w.field("booked_share", day.bookedShare)
        }
        w.endObject()
    }
}

extension GroupKey {
    /// The key as an object of its fields (`"group": {"building": "HQ"}`; `{}` for the org).
    func write(to w: inout JSONWriter, key: String) {
        w.beginObject(key)
        write(to: &w)
        w.endObject()
    }
}

extension Colocation {
    func write(to w: inout JSONWriter) {
        w.beginObject("colocation")
        w.groups("by_department", byDepartment) { days, w in
            w.field("people", days.people)
            w.beginObject("weekday_share")
            for day in days.weekdayShare { w.field(Weekday.name(day.weekday), day.share) }
            w.endObject()
            w.field("anchor_weekday", days.anchorWeekday.map(Weekday.name))
            w.field("anchor_share", days.anchorShare)
            w.field("co_presence", days.coPresence)
        }
        w.endObject()
    }
}

extension Capacity {
    func write(to w: inout JSONWriter) {
        w.beginObject("capacity")
        for (name, groups) in [("by_building", byBuilding), ("by_floor", byFloor)] {
            w.groups(name, groups) { figures, w in
                w.field("desks", figures.desks)
                w.field("peak_desks_used", figures.peakDesksUsed)
                w.field("peak_date", figures.peakDate?.description)
                w.field("peak_occupancy", figures.peakOccupancy)
                w.field("sharing_ratio", figures.sharingRatio)
                w.field("status", figures.status?.rawValue)
            }
        }
        w.endObject()
    }
}

extension Forward {
    func write(to w: inout JSONWriter) {
        w.beginObject("forward")
        w.field("from", period.from.description)
        w.field("to", period.to.description)
        w.beginArray("by_building")
        for day in byBuilding {
            w.beginObject()
            w.field("building", day.building)
            w.field("date", day.date.description)
            w.field("booked", day.booked)
            w.field("desks", day.desks)
            w.field("booked_share", day.bookedShare)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}
