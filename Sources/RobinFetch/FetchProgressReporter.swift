/// Receives progress snapshots while a fetch runs (a live terminal line).
/// Plain, non-terminal runs need none: the fetcher logs its events through
/// swift-log.
public protocol FetchProgressReporter: Sendable {
    /// Called on every change and about once a second.
    func update(_ progress: FetchProgress)
    /// Called once when the fetch ends, successfully or not.
    func finish()
}
