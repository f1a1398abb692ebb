/// The client's POST budget: at most `limit` POSTs in any rolling `window`
/// (Robin: 30 per 60 s), plus pauses ordered by a 429's `Retry-After`.
///
/// A POST's slot is counted from the moment it is granted and, once its
/// answer is in, from that later moment (`complete`), so even a slow request
/// cannot make the server see more than `limit` POSTs in a window. Waiters are
/// served by priority (lowest first: earlier days), not by arrival.
actor PostLimiter {
    typealias Instant = ContinuousClock.Instant

    let limit: Int
    let window: Duration
    private let clock = ContinuousClock()

    private var slots: [Int: Instant] = [:]
    private var pausedUntil: Instant?
    private var waiters: [Waiter] = []
    private var nextPermit = 0
    private var nextWaiter = 0
    private var pump: Task<Void, Never>?

    private struct Waiter {
        let id: Int
        let priority: Int
        let continuation: CheckedContinuation<Int, any Error>
    }

    init(limit: Int, window: Duration) {
        precondition(limit > 0 && window > .zero)
        self.limit = limit
        self.window = window
    }

    /// Waits for a slot; returns a permit to pass to `complete`. Throws
    /// `CancellationError` when the task is cancelled while waiting.
    func acquire(priority: Int) async throws -> Int {
        let waiterID = nextWaiter
        nextWaiter += 1
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                    return
                }
                waiters.append(Waiter(id: waiterID, priority: priority, continuation: continuation))
                startPump()
            }
        } onCancel: {
            Task { await self.cancelWaiter(waiterID) }
        }
    }

    /// Records that the POST of `permit` got its answer (or failed): its slot
    /// now counts from this moment.
    func complete(_ permit: Int) {
        slots[permit] = clock.now
    }

    /// No POST is granted before `instant` (a 429's Retry-After).
    func pause(until instant: Instant) {
        if pausedUntil.map({ instant > $0 }) ?? true {
            pausedUntil = instant
        }
        pump?.cancel()  // wake the pump so it re-plans with the pause
        pump = nil
        startPump()
    }

    /// When the next POST may go out (now when a slot is free); for progress.
    func nextAllowed() -> Instant {
        earliestGrant(clock.now)
    }

    private func cancelWaiter(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }

    private func startPump() {
        guard pump == nil, !waiters.isEmpty else { return }
        pump = Task { await self.serve() }
    }

    private func serve() async {
        while !waiters.isEmpty, !Task.isCancelled {
            let now = clock.now
            let at = earliestGrant(now)
            if at > now {
                do {
                    try await clock.sleep(until: at)
                } catch {
                    return  // replaced by a newer pump
                }
                continue
            }
            let index = waiters.indices.min { (waiters[$0].priority, waiters[$0].id) < (waiters[$1].priority, waiters[$1].id) }!
            let waiter = waiters.remove(at: index)
            let permit = nextPermit
            nextPermit += 1
            slots[permit] = now
            waiter.continuation.resume(returning: permit)
        }
        if !Task.isCancelled { pump = nil }
    }

    private func earliestGrant(_ now: Instant) -> Instant {
        slots = slots.filter { $0.value + window > now }
        var at = now
        if let pausedUntil, pausedUntil > at { at = pausedUntil }
        if slots.count >= limit {
            let times = slots.values.sorted()
            at = max(at, times[slots.count - limit] + window)
        }
        return at
    }
}
