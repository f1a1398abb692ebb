import Foundation
import Logging
import RobinModel

/// The life of each export in one fetch: POST within the budget (honouring
/// 429s), poll until ready or the deadline, store in the cache. Transient
/// failures are retried with backoff; anything else ends the fetch.
struct ExportRun: Sendable {
    let configuration: FetchConfiguration
    let client: RobinClient
    let cache: ExportCache
    let limiter: PostLimiter
    let tally: FetchTally
    let logger: Logger
    let reporter: (any FetchProgressReporter)?

    private var clock: ContinuousClock { ContinuousClock() }

    /// Requests, polls and stores `job`. The day is recorded as fetched when
    /// its export was requested (the data cannot be newer than that).
    func fetch(_ job: ExportJob) async throws {
        let (exportID, acceptedAt, requestedAt) = try await request(job)
        let (spool, bytes) = try await poll(job, exportID: exportID, acceptedAt: acceptedAt)
        do {
            // Storing waits on fsync (the CSV, its record, their folder): on a thread of its own,
            // so the pool threads every export's polling runs on are not held meanwhile.
            let cache = self.cache
            try await Blocking.run { () throws(FetchError) in
                try cache.store(spool, kind: job.kind, date: job.date, fetchedAt: requestedAt)
            }
        } catch {
            spool.discard()
            throw error
        }
        await tally.stored(bytes: Int(bytes))
        let done = await tally.ready + tally.fromCache
        let total = await tally.total
        logger.info("\(job.kind) \(job.date): stored \(bytes) bytes (\(done)/\(total))")
        await report()
    }

    /// Sends the latest progress snapshot to the reporter, if any.
    func report() async {
        guard let reporter else { return }
        let wait = await limiter.nextAllowed() - clock.now
        reporter.update(await tally.progress(nextPostIn: max(wait, .zero)))
    }

    /// POSTs until Robin accepts; returns the export id, when it was accepted,
    /// and the wall-clock time its POST was sent.
    private func request(_ job: ExportJob) async throws -> (String, ContinuousClock.Instant, Date) {
        var failures = 0
        var rateLimited = 0
        while true {
            let permit = try await limiter.acquire(priority: job.order)
            await tally.postSent()
            let sentAt = configuration.currentTime
            let outcome: Result<String, any Error>
            do {
                outcome = .success(try await client.requestExport(
                    job.kind,
                    organizationID: configuration.organizationID,
                    window: job.window,
                    locationIDs: configuration.locationIDs
                ))
            } catch {
                outcome = .failure(error)
            }
            // Whatever happened, the slot counts from now and the next POST may
            // go, but after a 429 only once its Retry-After has passed.
            var pause: Duration?
            if case .failure(ClientFailure.rateLimited(let retryAfter)) = outcome {
                pause = retryAfter ?? configuration.retry.backoff(afterFailure: rateLimited + 1)
            }
            await limiter.complete(permit, pausingFor: pause)
            switch outcome {
            case .success(let id):
                await tally.accepted()
                logger.debug("\(job): requested \(job.window), export id \(id)")
                await report()
                return (id, clock.now, sentAt)
            case .failure(let error):
                guard let failure = error as? ClientFailure else { throw error }
                switch failure {
                case .rateLimited:
                    rateLimited += 1
                    guard rateLimited <= configuration.retry.maxRateLimited else {
                        throw FetchError(.api, "\(job): HTTP 429 Too Many Requests \(rateLimited) times in a row; giving up", httpStatus: 429)
                    }
                    logger.warning("\(job): HTTP 429 Too Many Requests; no POST for \(format(pause ?? .zero))")
                    await tally.retried()
                case .transient(let reason):
                    failures += 1
                    guard failures < configuration.retry.maxAttempts else {
                        throw FetchError(.transient, "\(job): POST failed \(failures) times, last: \(reason)")
                    }
                    let wait = configuration.retry.backoff(afterFailure: failures)
                    logger.warning("\(job): POST failed (\(reason)); retry \(failures) in \(format(wait))")
                    await tally.retried()
                    try await clock.sleep(for: wait)
                default:
                    throw fatal(failure, job, method: "POST")
                }
            }
        }
    }

    /// GETs every poll interval until the CSV arrives or the deadline passes.
    /// Returns the checked CSV, spooled beside its cache file, and its size.
    private func poll(_ job: ExportJob, exportID: String, acceptedAt: ContinuousClock.Instant) async throws -> (SpoolFile, Int64) {
        let deadline = acceptedAt + configuration.exportDeadline
        var next = acceptedAt + configuration.pollInterval
        var failures = 0
        var polls = 0
        let destination = cache.path(kind: job.kind, date: job.date)
        while true {
            try await clock.sleep(until: next)
            let sentAt = clock.now
            polls += 1
            await tally.getSent()
            do {
                switch try await client.downloadExport(id: exportID, kind: job.kind, to: destination) {
                case .ready(let spool, let bytes):
                    return (spool, bytes)
                case .notReady(let status):
                    failures = 0
                    if clock.now >= deadline {
                        throw FetchError(
                            .deadline,
                            "\(job) (export \(exportID)): still not ready (HTTP \(status)) after \(format(clock.now - acceptedAt)) "
                                + "and \(polls) polls; the deadline is \(format(configuration.exportDeadline))",
                            httpStatus: status
                        )
                    }
                    next = sentAt + configuration.pollInterval
                }
            } catch let failure as ClientFailure {
                switch failure {
                case .rateLimited(let retryAfter):
                    next = sentAt + max(configuration.pollInterval, retryAfter ?? configuration.pollInterval)
                    logger.warning("\(job): GET answered 429; next poll in \(format(next - sentAt))")
                    await tally.retried()
                case .transient(let reason):
                    failures += 1
                    guard failures < configuration.retry.maxAttempts else {
                        throw FetchError(.transient, "\(job) (export \(exportID)): GET failed \(failures) times, last: \(reason)")
                    }
                    let wait = configuration.retry.backoff(afterFailure: failures)
                    logger.warning("\(job): GET failed (\(reason)); retry \(failures) in \(format(wait))")
                    await tally.retried()
                    next = sentAt + wait
                default:
                    throw fatal(failure, job, method: "GET")
                }
            }
        }
    }

    private func fatal(_ failure: ClientFailure, _ job: ExportJob, method: String) -> FetchError {
        switch failure {
        case .unauthorized(let status):
            return FetchError(
                .api,
                "\(job): HTTP \(status) \(RobinClient.reason(status)): Robin refused the API token "
                    + "(check \(APIToken.environmentVariable) or --token-file)",
                httpStatus: status
            )
        case .refused(let status, let message):
            return FetchError(
                .api,
                "\(job): \(method) answered HTTP \(status) \(RobinClient.reason(status)): Robin says \(message) "
                    + "(request from \(job.window.from) to \(job.window.to))",
                httpStatus: status
            )
        case .transient(let reason):
            return FetchError(.transient, "\(job): \(reason)")
        case .rateLimited:
            return FetchError(.api, "\(job): HTTP 429 Too Many Requests", httpStatus: 429)
        case .redirected(let status, let target):
            return FetchError(.api, "\(job): \(method) answered \(client.redirectMessage(status: status, to: target))", httpStatus: status)
        case .tooLarge(let limit, let announced):
            let size = announced.map { "announces \($0) bytes" } ?? "passed \(limit) bytes while arriving"
            return FetchError(
                .api,
                "\(job): the answer to \(method) \(size), over the body cap of \(limit) bytes (--max-body-bytes); nothing was stored"
            )
        }
    }

    private func format(_ duration: Duration) -> String {
        let seconds = duration.seconds
        if seconds >= 120 { return "\(Int(seconds / 60)) min \(Int(seconds) % 60) s" }
        return seconds >= 10 ? "\(Int(seconds.rounded())) s" : String(format: "%.2f s", seconds)
    }
}
