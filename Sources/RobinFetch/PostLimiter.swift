/// The client's POST budget: at most `limit` POSTs in any rolling `window`
/// (Robin: 30 per 60 s), plus pauses ordered by a 429's `Retry-After`.
///
/// Conservative on purpose, so the server never sees more than `limit` POSTs
/// in a window even with latency and clock drift:
/// - a POST's slot counts from its answer (`complete`), not from its sending;
/// - the window is stretched by 1/60 (61 s for Robin's 60 s);
/// - one POST is in flight at a time, so after a 429 nothing already sent can
///   land inside its `Retry-After` (POSTs take milliseconds; the budget, not
///   this, bounds throughput).
/// Waiters are served by priority (lowest first: earlier days), not arrival.
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

    private var inFlight: Int?

    init(limit: Int, window: Duration) {
        precondition(limit > 0 && window > .zero)
        self.limit = limit
        self.window = window + window / 60
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
    func complete(_ permit: Int, pausingFor pause: Duration? = nil) {
        let now = clock.now
        slots[permit] = now
        if let pause { self.pause(until: now + pause) }
        if inFlight == permit {
            inFlight = nil
            startPump()
        }
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
        while !waiters.isEmpty, !Task.isCancelled, inFlight == nil {
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
            inFlight = permit
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
