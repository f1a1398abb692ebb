import RobinModel

/// Small hand-made fragments of `Metrics`, the input the renderer hands to the charts.
enum SampleData {
    static let monday = LocalDate("2026-11-23")!

    /// One ISO week, 2026-11-23 (Mon) to 2026-11-29 (Sun); the peak on Tuesday.
    static let week: [DailyAttendance] = zip(0..., [31, 42, 38, 35, 12, 2, 0]).map { offset, people in
        DailyAttendance(date: monday.adding(days: offset), people: people, desks: people)
    }

    /// November 2026, with a pattern that repeats every week and a peak on the 18th.
    static let month: [DailyAttendance] = (0..<30).map { offset in
        let date = LocalDate("2026-11-01")!.adding(days: offset)
        let people = [31, 40, 38, 35, 12, 2, 0][date.isoWeekday - 1] + (offset == 17 ? 9 : 0)
        return DailyAttendance(date: date, people: people, desks: people)
    }

    /// Desk `byWeekday` of a period without a Sunday.
    static let byWeekday: [Double?] = [30.5, 41.25, 37, 35, 12.4, 1.5, nil]

    /// A business-hours heatmap: meetings 8..18 on workdays, Sunday without dates.
    static let heatmap: [HeatmapCell] = (1...7).flatMap { weekday in
        (0...23).map { hour -> HeatmapCell in
            guard weekday != 7 else { return HeatmapCell(weekday: weekday, hour: hour, share: nil) }
            guard weekday <= 5, (8...17).contains(hour) else {
                return HeatmapCell(weekday: weekday, hour: hour, share: 0)
            }
            let base = [0.12, 0.35, 0.6, 0.45, 0.2, 0.28, 0.5, 0.42, 0.3, 0.1][hour - 8]
            return HeatmapCell(weekday: weekday, hour: hour, share: base * [1, 1.1, 1.05, 0.95, 0.5][weekday - 1])
        }
    }

    /// The same with one late-evening meeting, so all 24 hours show.
    static let heatmapWithNight: [HeatmapCell] = heatmap.map { cell in
        var cell = cell
        if cell.weekday == 3, cell.hour == 22 { cell.share = 0.05 }
        return cell
    }

    /// Eight weeks of desk utilization with one week missing.
    static let utilization: [(label: String, value: Double?)] = [
        ("2026-W41", 0.41), ("2026-W42", 0.44), ("2026-W43", nil), ("2026-W44", 0.47),
        ("2026-W45", 0.425), ("2026-W46", 0.5), ("2026-W47", 0.515), ("2026-W48", 0.53),
    ]

    /// Average daily people over four weeks.
    static let people: [(label: String, value: Double?)] = [
        ("2026-W45", 28.4), ("2026-W46", 30), ("2026-W47", 31.75), ("2026-W48", 29.2),
    ]

    static let hostile = "<script>alert(1)</script> & \"onload='x'"
}
