import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// The delegate of RobinClient's sessions: refuses every redirect (so the
/// token is never sent to another origin, and the redirect itself becomes the
/// answer), and hands each task's head, bytes and end to its `HTTPTransfer`.
///
/// URLSession on Linux (libcurl) follows redirects on its own, with every
/// header of the request, unless a delegate says no.
final class TransferDelegate: NSObject, URLSessionDataDelegate, Sendable {
    private let transfers = Mutex<[ObjectIdentifier: HTTPTransfer]>([:])

    /// Routes `task`'s events to `transfer` until it completes.
    func add(_ transfer: HTTPTransfer, for task: URLSessionTask) {
        transfers.withLock { $0[ObjectIdentifier(task)] = transfer }
    }

    private func transfer(for task: URLSessionTask) -> HTTPTransfer? {
        transfers.withLock { $0[ObjectIdentifier(task)] }
    }

    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        transfer(for: task)?.redirected(to: request.url)
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession,
        dataTask: URLSessionDataTask,
        didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        guard let http = response as? HTTPURLResponse else {
            transfer(for: dataTask)?.fail(ClientFailure.transient("not an HTTP response"))
            completionHandler(.cancel)
            return
        }
        let proceed = transfer(for: dataTask)?.receive(http) ?? true
        completionHandler(proceed ? .allow : .cancel)
        // URLSession on Linux disregards the disposition; cancelling does not.
        if !proceed { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        if transfer(for: dataTask)?.receive(data) == false {
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let transfer = transfers.withLock { $0.removeValue(forKey: ObjectIdentifier(task)) }
        transfer?.complete(error: error)
    }
}
