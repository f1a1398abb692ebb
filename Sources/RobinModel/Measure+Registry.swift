/// The measures every view shows, each declared once (docs/metrics.md names the
/// fields; docs/metrics.md says how each is read).
extension Measure {
    /// `desks.total.people`: who came at all.
    public static let peopleInOffice = Measure(
        key: "desks.total.people", label: "People in the office", shortLabel: "People", format: .count,
        higherIsBetter: true, definition: "distinct people with an attended desk reservation"
    ) { $0.desks.total.people.map(Double.init) }

    /// `desks.total.avg_daily_people`: how full an ordinary workday is.
    public static let averageDailyAttendance = Measure(
        key: "desks.total.avg_daily_people", label: "Average daily attendance", shortLabel: "Avg daily",
        format: .decimal, higherIsBetter: true, definition: "people in the office per workday, on average"
    ) { $0.desks.total.avgDailyPeople }

    /// `desks.total.peak_people`, noted with its date (`peak_date`).
    public static let peakDayAttendance = Measure(
        key: "desks.total.peak_people", label: "Peak day attendance", shortLabel: "Peak day", format: .count,
        higherIsBetter: true, definition: "people in the office on the busiest date",
        note: { $0.desks.total.peakDate.map(Figures.shortDate) }
    ) { $0.desks.total.peakPeople.map(Double.init) }

    /// `desks.total.desk_utilization`.
    public static let deskUtilization = Measure(
        key: "desks.total.desk_utilization", label: "Desk utilization", shortLabel: "Desk use", format: .percent,
        higherIsBetter: true, definition: "desk-days used on workdays / (desks x workdays)"
    ) { $0.desks.total.deskUtilization }

    /// `desks.total.check_in_rate`.
    public static let deskCheckInRate = Measure(
        key: "desks.total.check_in_rate", label: "Desk check-in rate", shortLabel: "Check-in", format: .percent,
        higherIsBetter: true, definition: "checked-in reservations / reservations not canceled in advance"
    ) { $0.desks.total.checkInRate }

    /// `desks.total.no_show_rate`: a rise is bad news.
    public static let deskNoShowRate = Measure(
        key: "desks.total.no_show_rate", label: "Desk no-show rate", shortLabel: "No-show", format: .percent,
        higherIsBetter: false, definition: "reservations released unused / reservations not canceled in advance"
    ) { $0.desks.total.noShowRate }

    /// `rooms.total.utilization` (Robin's definition).
    public static let roomUtilization = Measure(
        key: "rooms.total.utilization", label: "Room utilization", shortLabel: "Room use", format: .percent,
        higherIsBetter: true, definition: "meeting time within business hours / room hours available"
    ) { $0.rooms.total.utilization }

    /// `rooms.total.avg_meeting_minutes`: shorter meetings free rooms sooner, so a fall is good news.
    public static let averageMeetingMinutes = Measure(
        key: "rooms.total.avg_meeting_minutes", label: "Average meeting minutes", shortLabel: "Meeting min",
        format: .decimal, higherIsBetter: false, definition: "minutes a meeting was booked for, on average (booked hours x 60 / meetings)"
    ) { $0.rooms.total.avgMeetingMinutes }

    /// `rooms.total.ghost_rate`: a rise is bad news.
    public static let ghostMeetingRate = Measure(
        key: "rooms.total.ghost_rate", label: "Ghost-meeting rate", shortLabel: "Ghost", format: .percent,
        higherIsBetter: false, definition: "meetings automatically unbooked for lack of check-in / meetings"
    ) { $0.rooms.total.ghostRate }

    /// `desks.total.policy_adherence`.
    public static let policyAdherence = Measure(
        key: "desks.total.policy_adherence", label: "Policy adherence", shortLabel: "Policy", format: .percent,
        higherIsBetter: true, definition: "people meeting the office-days policy / people in the office"
    ) { $0.desks.total.policyAdherence }

    /// The headline figures, in the order the report, the email and the commit body show them.
    public static let headline: [Measure] = [
        peopleInOffice, averageDailyAttendance, peakDayAttendance, deskUtilization, deskCheckInRate,
        deskNoShowRate, roomUtilization, averageMeetingMinutes, ghostMeetingRate, policyAdherence,
    ]

    /// The columns of the archive index.
    public static let index: [Measure] = [peopleInOffice, averageDailyAttendance, deskUtilization, roomUtilization]

    /// The figures in a commit's subject line.
    public static let commitSubject: [Measure] = [peopleInOffice, deskUtilization, roomUtilization]
}

extension Measure {
    /// `desks.total.avg_days_per_person`: not a headline figure, but a `[targets]` measure.
    public static let daysPerPerson = Measure(
        key: "desks.total.avg_days_per_person", label: "Days in the office per person", shortLabel: "Days",
        format: .decimal, higherIsBetter: true, definition: "office days per person who came in"
    ) { $0.desks.total.avgDaysPerPerson }
}
