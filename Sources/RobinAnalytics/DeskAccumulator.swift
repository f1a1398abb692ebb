import RobinModel

/// Running desk figures of one group. Accumulators merge exactly (sums and
/// unions), which is how small departments are folded.
struct DeskAccumulator {
    var reservations = 0
    var canceledInAdvance = 0
    var released = 0
    var checkedIn = 0
    var bookedHours = 0.0
    /// Every desk of the group's rows.
    var desks: BitSet
    /// Persons with an attended row.
    var people: BitSet
    /// (date, person) with an attended row: index `date * personCount + person`.
    var personDays: BitSet
    /// (date, desk) with an attended row: index `date * deskCount + desk`.
    var deskDays: BitSet

    init(deskCount: Int, personCount: Int, dayCount: Int) {
        desks = BitSet(count: deskCount)
        people = BitSet(count: personCount)
        personDays = BitSet(count: personCount * dayCount)
        deskDays = BitSet(count: deskCount * dayCount)
    }

    mutating func merge(_ other: DeskAccumulator) {
        reservations += other.reservations
        canceledInAdvance += other.canceledInAdvance
        released += other.released
        checkedIn += other.checkedIn
        bookedHours += other.bookedHours
        desks.formUnion(other.desks)
        people.formUnion(other.people)
        personDays.formUnion(other.personDays)
        deskDays.formUnion(other.deskDays)
    }

    /// Distinct desks with an attended row on date index `date`.
    func desksUsed(onDate date: Int, deskCount: Int) -> Int {
        deskDays.count(in: date * deskCount..<(date + 1) * deskCount)
    }

    /// Distinct persons with an attended row on date index `date`.
    func people(onDate date: Int, personCount: Int) -> Int {
        personDays.count(in: date * personCount..<(date + 1) * personCount)
    }

    /// The figures, given the group's desk inventory (nil = desks seen) and the
    /// org-wide policy result per person.
    func figures(calendar: PeriodCalendar, personCount: Int, deskCount: Int,
                 inventory: Int?, adherent: BitSet) -> DeskFigures {
        var f = DeskFigures()
        f.reservations = reservations
        f.canceledInAdvance = canceledInAdvance
        f.released = released
        f.checkedIn = checkedIn
        f.kept = reservations - canceledInAdvance
        f.checkInRate = ratio(checkedIn, f.kept)
        f.noShowRate = ratio(released, f.kept)
        f.people = people.count
        var workdayPersonDays = 0
        for date in 0..<calendar.dayCount {
            let persons = people(onDate: date, personCount: personCount)
            f.personDays += persons
            if calendar.isWorkday[date] {
                workdayPersonDays += persons
                f.deskDays += desksUsed(onDate: date, deskCount: deskCount)
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
        f.bookedHours = bookedHours
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
