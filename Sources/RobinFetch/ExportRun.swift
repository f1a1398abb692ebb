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

    /// Requests, polls and stores `job`.
    func fetch(_ job: ExportJob) async throws {
        let (exportID, acceptedAt) = try await request(job)
        let data = try await poll(job, exportID: exportID, acceptedAt: acceptedAt)
        try cache.write(data, kind: job.kind, date: job.date)
        await tally.stored(bytes: data.count)
        let done = await tally.ready + tally.fromCache
        let total = await tally.total
        logger.info("\(job.kind) \(job.date): stored \(data.count) bytes (\(done)/\(total))")
        await report()
    }

    /// Sends the latest progress snapshot to the reporter, if any.
    func report() async {
        guard let reporter else { return }
        let wait = await limiter.nextAllowed() - clock.now
        reporter.update(await tally.progress(nextPostIn: max(wait, .zero)))
    }

    /// POSTs until Robin accepts; returns the export id and when it was accepted.
    private func request(_ job: ExportJob) async throws -> (String, ContinuousClock.Instant) {
        var failures = 0
        var rateLimited = 0
        while true {
            let permit = try await limiter.acquire(priority: job.order)
            await tally.postSent()
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
                return (id, clock.now)
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
    private func poll(_ job: ExportJob, exportID: String, acceptedAt: ContinuousClock.Instant) async throws -> Data {
        let deadline = acceptedAt + configuration.exportDeadline
        var next = acceptedAt + configuration.pollInterval
        var failures = 0
        var polls = 0
        while true {
            try await clock.sleep(until: next)
            let sentAt = clock.now
            polls += 1
            await tally.getSent()
            do {
                if let data = try await client.downloadExport(id: exportID) {
                    return data
                }
                failures = 0
                if clock.now >= deadline {
                    throw FetchError(
                        .deadline,
                        "\(job) (export \(exportID)): still not ready (HTTP 404) after \(format(clock.now - acceptedAt)) "
                            + "and \(polls) polls; the deadline is \(format(configuration.exportDeadline))",
                        httpStatus: 404
                    )
                }
                next = sentAt + configuration.pollInterval
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
        }
    }

    private func format(_ duration: Duration) -> String {
        let seconds = duration.seconds
        if seconds >= 120 { return "\(Int(seconds / 60)) min \(Int(seconds) % 60) s" }
        return seconds >= 10 ? "\(Int(seconds.rounded())) s" : String(format: "%.2f s", seconds)
    }
}
