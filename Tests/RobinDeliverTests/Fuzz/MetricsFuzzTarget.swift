import Foundation
import RobinModel

/// The `metrics` fuzz target: one input as a report's metrics.json through the
/// reader `email` and `publish` use, then every number read through `Figures`,
/// the one set of formatting rules of the report, the email, the commit
/// message and the index (`avg_daily_people: 1e300` once crashed there, issue 8
/// row 3). Compiled into the libFuzzer harness (`Fuzz/build.sh`) and into this
/// test target (`FuzzCorpusTests`). No `Testing` here: a problem is returned as
/// text, and the harness traps on it.
enum MetricsFuzzTarget {
    /// The metrics.json reader under test (`MetricsDocument`, the one reader of
    /// `email`, `publish` and both indexes), and the only line that names it.
    /// Any value it returns will do: every number inside is found by reflection.
    static func read(_ data: Data) throws -> Any {
        try MetricsDocument.read(data, file: "metrics.json")
    }

    /// Reads `input`, formats every number read; returns the problems found
    /// (none when the input was read or refused cleanly).
    static func run(_ input: [UInt8]) -> [String] {
        let document: Any
        do {
            document = try read(Data(input))
        } catch {
            guard let error = error as? any StageError else { return ["reading: not a StageError: \(error)"] }
            var problems: [String] = []
            if error.exitStatus != .badInput {
                problems.append("reading: exit status \(error.exitStatus) instead of badInput for: \(error)")
            }
            let shown = MessageText.escaped(error.description)
            if !shown.hasPrefix("metrics.json") || shown.contains(where: \.isNewline) {
                problems.append("reading: the message is not one line naming the file: \(shown.debugDescription)")
            }
            return problems
        }
        var numbers = Numbers()
        numbers.collect(document)
        return numbers.formattingProblems()
    }

    /// Every `Double`, `Double?` and `Int` in a value, in reflection order.
    struct Numbers {
        var values: [Double?] = []
        var counts: [Int] = []

        mutating func collect(_ value: Any) {
            switch value {
            case let number as Double: values.append(number)
            case let number as Double?: values.append(number)
            case let number as Int: counts.append(number)
            default: for child in Mirror(reflecting: value).children { collect(child.value) }
            }
        }

        /// Formats each number every way `Figures` offers, and every eight as a
        /// sparkline: nothing may trap, and no text may show `nan` or `inf`.
        func formattingProblems() -> [String] {
            var texts: [String] = []
            for value in values {
                texts.append(Figures.percent(value))
                texts.append(contentsOf: (0...3).map { Figures.decimal(value, decimals: $0) })
            }
            for start in stride(from: 0, to: values.count, by: 8) {
                texts.append(Figures.sparkline(Array(values[start..<min(start + 8, values.count)])))
            }
            texts.append(contentsOf: counts.map(Figures.count))
            return texts.filter { $0.lowercased().contains("nan") || $0.lowercased().contains("inf") }
                .map { "formatting: \($0.debugDescription)" }
        }
    }
}
