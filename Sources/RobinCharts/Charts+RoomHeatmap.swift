import RobinModel

extension Charts {
    /// A 7 x 24 grid, rows Mon..Sun and columns hours (local time), shaded by
    /// the share of rooms booked; a nil cell is hatched; a legend explains the
    /// shades. Hours 6..21 only when every other hour is 0 or nil, else all 24.
    ///
    /// `cells` is `RoomMetrics.heatmap` (weekday 1...7, hour 0...23, share 0...1).
    public static func roomHeatmap(_ cells: [HeatmapCell]) -> Chart {
        let fileName = "room-heatmap.svg"
        let title = "Share of rooms booked by weekday and hour"
        let id = SVGCanvas.identifier(for: fileName)
        let grid = HeatmapGrid(cells)
        var canvas = ChartFrame.canvas(title: title)
        if grid.maximum > 0 {
            drawHeatmap(grid, hatch: id + "-hatch", on: &canvas)
        } else {
            canvas.text("No data", x: ChartFrame.width / 2, y: ChartFrame.height / 2 + 6, anchor: "middle", size: 18,
                        fill: Palette.mutedText)
        }
        let summary = heatmapSummary(grid)
        let svg = canvas.document(id: id, width: ChartFrame.width, height: ChartFrame.height, title: title,
                                  summary: summary)
        return Chart(fileName: fileName, title: title, summary: summary, svg: svg)
    }

    private static func drawHeatmap(_ grid: HeatmapGrid, hatch: String, on canvas: inout SVGCanvas) {
        let left = 60.0, right = 624.0, top = 48.0, rowHeight = 24.0
        let hours = Array(grid.hours)
        let column = (right - left) / Double(hours.count)
        let levels = HeatmapLevels(maximumShare: grid.maximum)

        canvas.hatchPattern(id: hatch, stroke: Palette.hatch)

        for (row, name) in Weekday.names.enumerated() {
            let y = top + Double(row) * rowHeight
            canvas.text(name, x: left - 10, y: y + rowHeight / 2 + 5, anchor: "end", size: ChartFrame.tickSize,
                        fill: Palette.mutedText)
            for (index, hour) in hours.enumerated() {
                let fill = grid.shares[row][hour].map(levels.fill) ?? "url(#\(hatch))"
                // Outlined, so a 0% cell stands out from the card (3:1) as much as a full one.
                canvas.rect(x: left + Double(index) * column + 1, y: y + 1, width: column - 2,
                            height: rowHeight - 2, fill: fill, [("rx", "2"), ("stroke", Palette.axis)])
            }
        }
        let labelEvery = hours.count > 16 ? 3 : 2
        for (index, hour) in hours.enumerated() where hour % labelEvery == 0 {
            canvas.text(String(hour), x: left + (Double(index) + 0.5) * column, y: top + 7 * rowHeight + 18,
                        anchor: "middle", size: ChartFrame.tickSize, fill: Palette.mutedText)
        }

        let legend = [("url(#\(hatch))", "No data"), (Palette.zero, "0%")]
            + zip(Palette.levels, levels.labels).map { ($0, $1) }
        let legendY = top + 7 * rowHeight + 36
        for (index, item) in legend.enumerated() {
            let x = left + Double(index) * 76
            canvas.rect(x: x, y: legendY, width: 14, height: 14, fill: item.0,
                        [("rx", "2"), ("stroke", Palette.axis)])
            canvas.text(item.1, x: x + 20, y: legendY + 12, size: ChartFrame.tickSize, fill: Palette.mutedText)
        }
        canvas.text("Hour, local time", x: right, y: legendY + 12, anchor: "end", size: ChartFrame.tickSize,
                    fill: Palette.mutedText)
    }

    private static func heatmapSummary(_ grid: HeatmapGrid) -> String {
        let busiest = grid.busiest(3)
        guard !busiest.isEmpty else { return "Share of rooms booked by weekday and hour: no data." }
        let list = busiest.map { cell in
            let hour = cell.hour < 10 ? "0\(cell.hour)" : String(cell.hour)
            return "\(Weekday.name(cell.weekday)) \(hour):00 (\(ChartNumber.percent(cell.share, decimals: 0)))"
        }
        return "Share of rooms booked by weekday and hour (local time): busiest "
            + list.joined(separator: ", ") + "."
    }
}
