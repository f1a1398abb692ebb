import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// Where a response's body goes, chosen once its head has arrived.
enum BodyDestination: Sendable {
    /// Kept in memory (envelopes, error pages, location lists); bytes past
    /// `HTTPTransfer.memoryLimit` are dropped.
    case memory
    /// Streamed to a temporary file beside `path` (the caller checks it afterwards).
    case spool(path: String)
}

/// A complete answer: the head, and the body in memory or in a spool file.
struct HTTPAnswer: Sendable {
    let response: HTTPURLResponse
    /// The body when kept in memory; empty when spooled.
    let body: Data
    /// Bytes received.
    let received: Int64
    /// The spooled body, when the destination was a file.
    let spooled: SpoolFile?
}

/// One request's response as URLSession delivers it to `TransferDelegate`:
/// the body is counted against the size cap as it arrives (the transfer is
/// cancelled the moment it passes), streamed to its destination, and the
/// waiting caller resumed once, with the answer or the failure.
///
/// Each chunk costs a count and a `write`, nothing per byte: URLSession on
/// Linux queues every chunk for the delegate without back-pressure, so a slow
/// delegate would pile the body up in memory. Checking a spooled CSV is the
/// caller's job, once the transfer is over.
final class HTTPTransfer: Sendable {
    /// Most bytes of a body kept in memory; enough for any envelope or page of locations.
    static let memoryLimit = 16 * 1024 * 1024

    private struct State {
        var continuation: CheckedContinuation<HTTPAnswer, any Error>?
        var response: HTTPURLResponse?
        var memory = Data()
        var spool: SpoolFile?
        var received: Int64 = 0
        var failure: (any Error)?
        var redirect: URL?
    }

    private let maxBodyBytes: Int64
    private let destination: @Sendable (HTTPURLResponse) -> BodyDestination
    private let state = Mutex(State())

    /// A transfer whose body may not pass `maxBodyBytes`, sent where `destination` says.
    init(maxBodyBytes: Int64, destination: @escaping @Sendable (HTTPURLResponse) -> BodyDestination) {
        self.maxBodyBytes = maxBodyBytes
        self.destination = destination
    }

    /// Remembers who waits for the answer. Called before the task starts.
    func wait(with continuation: CheckedContinuation<HTTPAnswer, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    /// The server answered with a redirect to `url`, which is not followed.
    func redirected(to url: URL?) {
        state.withLock { $0.redirect = url ?? URL(string: "about:blank") }
    }

    /// Ends the transfer with `failure` (the deadline passed, the caller was
    /// cancelled); the caller then cancels the URLSession task.
    func fail(_ failure: any Error) {
        state.withLock { if $0.failure == nil { $0.failure = failure } }
    }

    /// The head arrived; false means cancel the task.
    func receive(_ response: HTTPURLResponse) -> Bool {
        let expected = response.expectedContentLength
        if expected > maxBodyBytes {
            fail(ClientFailure.tooLarge(limit: maxBodyBytes, announced: expected))
            return false
        }
        var spool: SpoolFile?
        if case .spool(let path) = destination(response) {
            do {
                spool = try SpoolFile(destination: path)
            } catch {
                fail(error)
                return false
            }
        }
        state.withLock { state in
            state.response = response
            state.spool = spool
        }
        return true
    }

    /// The next bytes of the body arrived; false means cancel the task.
    func receive(_ data: Data) -> Bool {
        state.withLock { state in
            guard state.failure == nil else { return false }
            state.received += Int64(data.count)
            if state.received > maxBodyBytes {
                state.failure = ClientFailure.tooLarge(limit: maxBodyBytes, announced: nil)
                return false
            }
            if let spool = state.spool {
                do {
                    try spool.write(data)
                } catch {
                    state.failure = error
                    return false
                }
            } else if state.memory.count < HTTPTransfer.memoryLimit {
                state.memory.append(data.prefix(HTTPTransfer.memoryLimit - state.memory.count))
            }
            return true
        }
    }

    /// The task ended (`error` nil: the body is complete). Resumes the caller once.
    func complete(error: (any Error)?) {
        let (continuation, result): (CheckedContinuation<HTTPAnswer, any Error>?, Result<HTTPAnswer, any Error>) = state.withLock { state in
            let continuation = state.continuation
            state.continuation = nil
            if let failure = state.failure ?? state.redirect.map({ ClientFailure.redirected(status: state.response?.statusCode, to: $0) }) ?? error {
                state.spool?.discard()
                return (continuation, .failure(failure))
            }
            guard let response = state.response else {
                return (continuation, .failure(ClientFailure.transient("no HTTP response")))
            }
            return (continuation, .success(HTTPAnswer(response: response, body: state.memory, received: state.received, spooled: state.spool)))
        }
        continuation?.resume(with: result)
    }
}
