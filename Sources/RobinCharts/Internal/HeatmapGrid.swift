import RobinModel

/// The room heatmap's cells as a 7 x 24 grid (Monday first, hour 0 first),
/// whatever order or gaps the input has; a missing, non-finite or
/// out-of-range cell is nil, shares are clamped to 0...1.
struct HeatmapGrid {
    private(set) var shares: [[Double?]] = Array(repeating: Array(repeating: nil, count: 24), count: 7)

    init(_ cells: [HeatmapCell]) {
        for cell in cells where (1...7).contains(cell.weekday) && (0...23).contains(cell.hour) {
            guard let share = cell.share, share.isFinite else { continue }
            shares[cell.weekday - 1][cell.hour] = min(max(share, 0), 1)
        }
    }

    /// 6..21 when every other hour is 0 or nil (the usual office day), else 0..23.
    var hours: ClosedRange<Int> {
        let outside = shares.contains { row in
            row.enumerated().contains { hour, share in !(6...21).contains(hour) && (share ?? 0) > 0 }
        }
        return outside ? 0...23 : 6...21
    }

    /// The largest share; 0 when there is none.
    var maximum: Double {
        shares.joined().compactMap { $0 }.max() ?? 0
    }

    /// Non-zero cells, largest share first, then by weekday and hour.
    func busiest(_ count: Int) -> [(weekday: Int, hour: Int, share: Double)] {
        var cells: [(weekday: Int, hour: Int, share: Double)] = []
        for (row, values) in shares.enumerated() {
            for (hour, share) in values.enumerated() {
                if let share, share > 0 { cells.append((row + 1, hour, share)) }
            }
        }
        cells.sort { ($1.share, $0.weekday, $0.hour) < ($0.share, $1.weekday, $1.hour) }
        return Array(cells.prefix(count))
    }
}
