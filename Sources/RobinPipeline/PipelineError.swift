import RobinModel

/// A pipeline problem that is not a stage's own.
public enum PipelineError: StageError, Sendable, Equatable {
    /// The cache lacks days of the period (exit 1).
    case notCached(period: String, days: [String])
    /// `--audience NAME` names no `[[audiences]]` entry (exit 2).
    case unknownAudience(name: String, known: [String])
    /// An audience matches none of the period's rows while the organisation has some (exit 2):
    /// a building or department name the exports do not have, or a period before it had any.
    case emptyAudience(name: String, period: String, filter: String, exported: String)
    /// An audience with departments has fewer people in the period than `min_group_size` (exit 2):
    /// its report would show a small team's figures, which the organisation's report folds away.
    case smallAudience(name: String, period: String, people: Int, minGroupSize: Int)

    public var exitStatus: ExitStatus {
        switch self {
        case .notCached: .runtime
        case .unknownAudience, .emptyAudience, .smallAudience: .usage
        }
    }

    public var description: String {
        switch self {
        case .notCached(let period, let days):
            let shown = days.prefix(6).joined(separator: ", ") + (days.count > 6 ? " and \(days.count - 6) more" : "")
            return "the cache lacks exports for \(period): \(shown) (run without --offline, or `robin-report fetch` them)"
        case .unknownAudience(let name, let known):
            let list = known.isEmpty ? "the configuration has no [[audiences]]"
                : "the configuration's audiences: " + known.map { "\"\($0)\"" }.joined(separator: ", ")
            return "--audience \"\(name)\": no such audience (\(list))"
        case .emptyAudience(let name, let period, let filter, let exported):
            return "audience \"\(name)\" matches no desk reservation or room event in \(period): \(filter) "
                + "(\(exported)); check its buildings and departments in the configuration"
        case .smallAudience(let name, let period, let people, let minGroupSize):
            return "audience \"\(name)\" has \(people) \(people == 1 ? "person" : "people") in the office in \(period), "
                + "fewer than min_group_size (\(minGroupSize)): its report would show a small team's figures, "
                + "which the organisation's report folds into (small teams); give it more departments or buildings"
        }
    }
}
