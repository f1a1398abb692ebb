/// How each kind of insight is said (`InsightText`): the wording and the
/// figures of one metrics.json, with the names of its groups kept apart for
/// escaping (`InsightSentence`).
struct InsightWording {
    let document: MetricsDocument

    /// The sentence for `entry`; nil for a kind or measure this version does not
    /// know, or an entry missing the figures its sentence needs.
    func sentence(_ entry: MetricsDocument.Insight) -> InsightSentence? {
        switch entry.kind {
        case "mover": mover(entry)
        case "target": target(entry)
        case "low_day": lowDay(entry)
        case "capacity": capacity(entry)
        case "busy_day": busyDay(entry)
        default: nil
        }
    }

    // MARK: What changed

    /// "Sales came in less: 30.2 a day, down from 41.0 (−26%); its usual is 40.1."
    private func mover(_ entry: MetricsDocument.Insight) -> InsightSentence? {
        guard let measure = entry.measure, let value = entry.value, let previous = entry.previous,
              value != previous else { return nil }
        let fell = value < previous
        var s = SentenceBuilder()
        let figure: (Double) -> String
        switch measure {
        case "avg_daily_people":
            figure = { Figures.decimal($0) }
            place(entry.group, &s)
            if entry.group["department"] != nil {
                s.words(fell ? " came in less: " : " came in more: ")
            } else {
                s.words(fell ? " had fewer people: " : " had more people: ")
            }
            s.words(figure(value) + " a day")
        case "desk_utilization", "utilization":
            figure = { Figures.percent($0) }
            s.words((measure == "utilization" ? "Room use " : "Desk use ") + (fell ? "fell " : "rose "))
            s.words(entry.group["department"] != nil ? "for " : entry.group["floor"] != nil ? "on " : "at ")
            place(entry.group, &s)
            s.words(": " + figure(value))
        default:
            return nil
        }
        s.words(", " + (fell ? "down" : "up") + " from " + figure(previous))
        if measure == "avg_daily_people" {
            if let relative = entry.relativeChange { s.words(" (" + Self.signed(relative * 100, decimals: 0) + "%)") }
        } else {
            s.words(" (" + Self.signed((value - previous) * 100, decimals: 1) + " pts)")
        }
        if let baseline = entry.baseline { s.words("; its usual is " + figure(baseline)) }
        s.words(".")
        return s.sentence
    }

    /// When there is no mover: why.
    var noMovers: InsightSentence {
        guard let previous = document.previous else {
            return InsightSentence([.words("No previous period was at hand to compare with.")])
        }
        return InsightSentence([.words("No building, floor or department moved markedly since "
                                       + ReportPeriod.range(previous.period).title + ".")])
    }

    // MARK: Targets

    /// "Desk utilization at London missed its target: 52.0% against 70.0%."
    private func target(_ entry: MetricsDocument.Insight) -> InsightSentence? {
        guard let key = entry.measure.flatMap(TargetMeasure.init(rawValue:)), let value = entry.value,
              let goal = entry.target else { return nil }
        let verdict = switch entry.status {
        case "met": " met its target: "
        case "near": " came close to its target: "
        case "missed": " missed its target: "
        default: nil as String?
        }
        guard let verdict else { return nil }
        let measure = key.measure
        let figure = { (number: Double) in measure.formatted(number) + (key == .avgDaysPerPerson ? " days" : "") }
        var s = SentenceBuilder()
        s.words(measure.label)
        if !entry.group.fields.isEmpty {
            s.words(" at ")
            place(entry.group, &s)
        }
        s.words(verdict + figure(value) + " against " + figure(goal) + ".")
        return s.sentence
    }

    /// When no target was checked: none set, or none of their figures had a value.
    var noTargets: InsightSentence {
        InsightSentence([.words("No targets to compare with this period.")])
    }

    // MARK: Needs attention

    /// "Friday 27 November had 21 people in the office, under half the usual 84 for a Friday."
    private func lowDay(_ entry: MetricsDocument.Insight) -> InsightSentence? {
        guard let date = entry.date, let people = entry.people, let usual = entry.usual else { return nil }
        let count = usual.rounded() == usual ? Figures.fixed(usual, decimals: 0) : Figures.decimal(usual)
        return InsightSentence([.words(
            "\(DateWords.long(date)) had \(Figures.count(people)) \(people == 1 ? "person" : "people") in the office, "
                + "under half the usual \(count) for a \(DateWords.weekdayNames[date.isoWeekday - 1]).")])
    }

    /// "Level 2 at London could be consolidated: its busiest day used 28.0% of its 18 desks (5 on Tue 17 Nov)."
    private func capacity(_ entry: MetricsDocument.Insight) -> InsightSentence? {
        guard let occupancy = entry.peakOccupancy else { return nil }
        var s = SentenceBuilder()
        place(entry.group, &s)
        switch entry.status {
        case "consolidate": s.words(" could be consolidated: even its busiest day used ")
        case "at_risk": s.words(" is close to running out of desks: its busiest day used ")
        default: return nil
        }
        s.words(Figures.percent(occupancy))
        let groups = entry.group["floor"] == nil ? document.capacity?.byBuilding : document.capacity?.byFloor
        if let figures = groups?.first(where: { $0.key == entry.group }), let desks = figures.desks {
            s.words(" of its \(Figures.count(desks)) desk\(desks == 1 ? "" : "s")")
            if let used = figures.peakDesksUsed, let date = figures.peakDate {
                s.words(" (\(Figures.count(used)) on \(Figures.shortDate(date)))")
            }
        } else {
            s.words(" of its desks")
        }
        s.words(".")
        return s.sentence
    }

    /// "London is 96.2% booked on Tuesday 24 November (50 bookings for 52 desks)."
    private func busyDay(_ entry: MetricsDocument.Insight) -> InsightSentence? {
        guard let building = entry.group["building"], let date = entry.date, let share = entry.bookedShare else { return nil }
        var s = SentenceBuilder()
        s.name(building)
        s.words(" is \(Figures.percent(share)) booked on \(DateWords.long(date))")
        if let day = document.forward?.byBuilding.first(where: { $0.building == building && $0.date == date }),
           let booked = day.booked, let desks = day.desks {
            s.words(" (\(Figures.count(booked)) booking\(booked == 1 ? "" : "s") for \(Figures.count(desks)) desk\(desks == 1 ? "" : "s"))")
        }
        s.words(".")
        return s.sentence
    }

    /// When nothing needs attention; the week ahead is vouched for only when it was at hand.
    var nothingNeedsAttention: InsightSentence {
        InsightSentence([.words("Nothing needs attention: no unusually quiet workday, no building or floor to consolidate "
                                + "or short of desks" + (document.forward == nil ? "." : ", and no day ahead 90% booked."))])
    }

    // MARK: Pieces

    /// A group as a reader names it: the department, the building, or "Level 2 at London".
    private func place(_ group: GroupKey, _ s: inout SentenceBuilder) {
        if let department = group["department"] {
            s.name(department)
        } else if let floor = group["floor"] {
            s.name(floor)
            s.words(" at ")
            s.name(group["building"] ?? "")
        } else if let building = group["building"] {
            s.name(building)
        } else {
            s.words("The organisation")
        }
    }

    /// "+26", "−13.0": a change with its sign (a true minus sign), never "−0".
    static func signed(_ value: Double, decimals: Int) -> String {
        let magnitude = Figures.fixed(abs(value), decimals: decimals)
        let isZero = magnitude.allSatisfy { $0 == "0" || $0 == "." }
        return (isZero ? "" : value < 0 ? "−" : "+") + magnitude
    }
}
