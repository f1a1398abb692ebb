import RobinModel

/// One desk group's figures over a period, combined from its day facts.
/// Accumulators merge exactly (sums and unions), which is how small
/// departments are folded.
struct DeskAccumulator {
    var counts = DeskCounts()
    /// Every desk of the group's rows.
    var desks: BitSet
    /// Per date index: persons with an attended row (nil: none).
    var personDays: [BitSet?]
    /// Per date index: desks with an attended row (nil: none).
    var deskDays: [BitSet?]
    let personCount: Int, deskCount: Int

    init(deskCount: Int, personCount: Int, dayCount: Int) {
        self.personCount = personCount
        self.deskCount = deskCount
        desks = BitSet(count: deskCount)
        personDays = Array(repeating: nil, count: dayCount)
        deskDays = Array(repeating: nil, count: dayCount)
    }

    /// Adds one date's facts of the group (date index `date`), its ids mapped by `persons` and `places`.
    mutating func add(_ facts: DeskGroupFacts, date: Int,
                      persons: UnsafeBufferPointer<Int32>?, places: UnsafeBufferPointer<Int32>?) {
        counts.add(facts.counts)
        facts.desks.insert(into: &desks, map: places)
        if facts.people.count > 0 {
            if personDays[date] == nil { personDays[date] = BitSet(count: personCount) }
            facts.people.insert(into: &personDays[date]!, map: persons)
        }
        if facts.attendedDesks.count > 0 {
            if deskDays[date] == nil { deskDays[date] = BitSet(count: deskCount) }
            facts.attendedDesks.insert(into: &deskDays[date]!, map: places)
        }
    }

    mutating func merge(_ other: DeskAccumulator) {
        counts.add(other.counts)
        desks.formUnion(other.desks)
        for date in personDays.indices {
            Self.union(&personDays[date], other.personDays[date])
            Self.union(&deskDays[date], other.deskDays[date])
        }
    }

    private static func union(_ set: inout BitSet?, _ other: BitSet?) {
        guard let other else { return }
        if set == nil { set = other } else { set!.formUnion(other) }
    }

    /// Persons with an attended row on any date.
    var people: BitSet {
        var all = BitSet(count: personCount)
        for case let day? in personDays { all.formUnion(day) }
        return all
    }

    /// Distinct desks with an attended row on date index `date`.
    func desksUsed(onDate date: Int) -> Int { deskDays[date]?.count ?? 0 }

    /// Distinct persons with an attended row on date index `date`.
    func people(onDate date: Int) -> Int { personDays[date]?.count ?? 0 }

    /// The figures, given the group's desk inventory (nil = desks seen) and the
    /// org-wide policy result per person.
    func figures(calendar: PeriodCalendar, inventory: Int?, adherent: BitSet) -> DeskFigures {
        var f = DeskFigures()
        f.reservations = counts.reservations
        f.canceledInAdvance = counts.canceledInAdvance
        f.released = counts.released
        f.checkedIn = counts.checkedIn
        f.kept = counts.reservations - counts.canceledInAdvance
        f.checkInRate = ratio(counts.checkedIn, f.kept)
        f.noShowRate = ratio(counts.released, f.kept)
        let people = self.people
        f.people = people.count
        var workdayPersonDays = 0
        for date in 0..<calendar.dayCount {
            let persons = self.people(onDate: date)
            f.personDays += persons
            if calendar.isWorkday[date] {
                workdayPersonDays += persons
                f.deskDays += desksUsed(onDate: date)
            }
            if persons > f.peakPeople {
                f.peakPeople = persons
                f.peakDate = calendar.period.from.adding(days: date)
            }
        }
        f.avgDaysPerPerson = ratio(f.personDays, f.people)
        f.desksSeen = inventory ?? desks.count
        // In Double: an inventory can be any Int (Settings is public), and Int would trap.
        f.deskUtilization = ratio(Double(f.deskDays), Double(f.desksSeen) * Double(calendar.workdays))
        f.avgDailyPeople = ratio(workdayPersonDays, calendar.workdays)
        f.bookedHours = counts.bookedHours.value
        var adherentPeople = 0
        people.forEach { if adherent.contains($0) { adherentPeople += 1 } }
        f.policyAdherence = ratio(adherentPeople, f.people)
        return f
    }
}

/// `numerator / denominator`, nil when the denominator is 0.
func ratio(_ numerator: Int, _ denominator: Int) -> Double? {
    denominator == 0 ? nil : Double(numerator) / Double(denominator)
}

/// `numerator / denominator`, nil when the denominator is 0.
func ratio(_ numerator: Double, _ denominator: Double) -> Double? {
    denominator == 0 ? nil : numerator / denominator
}
