import RobinModel
import RobinRender

/// The index of a docs repository's reports folder (`<repo>/<folder>/index.md`),
/// rebuilt by `publish` from every report's metrics.json with the same
/// `ReportIndex` as Output/index.md. Strict: a report whose metrics.json
/// cannot be read stops the publish (exit 3) rather than vanish from a
/// committed index.
enum PublishedIndex {
    /// index.md for the reports under `directory`.
    static func markdown(of directory: String) throws(DeliveryError) -> String {
        do {
            return try ReportIndex.scan(directory, badFiles: .fail).markdown()
        } catch {
            throw DeliveryError(error)
        }
    }
}
