/// The running counts of one fetch, shared by its export tasks.
actor FetchTally {
    private(set) var total = 0
    private(set) var fromCache = 0
    private(set) var requested = 0
    private(set) var ready = 0
    private(set) var postsSent = 0
    private(set) var getsSent = 0
    private(set) var retries = 0
    private(set) var bytesWritten = 0

    func start(total: Int, fromCache: Int) {
        self.total = total
        self.fromCache = fromCache
    }

    func postSent() { postsSent += 1 }
    func getSent() { getsSent += 1 }
    func retried() { retries += 1 }
    func accepted() { requested += 1 }

    func stored(bytes: Int) {
        ready += 1
        bytesWritten += bytes
    }

    func progress(nextPostIn: Duration) -> FetchProgress {
        FetchProgress(total: total, fromCache: fromCache, requested: requested, ready: ready, nextPostIn: nextPostIn)
    }
}
