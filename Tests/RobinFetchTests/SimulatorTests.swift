import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RobinSimulator
import Testing

/// The simulator on its own, through plain URLSession requests: it must
/// answer like Robin's guide says.
struct SimulatorTests {
    private struct Answer {
        let status: Int
        let headers: [AnyHashable: Any]
        let body: Data

        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:] }
        var meta: [String: Any] { json["meta"] as? [String: Any] ?? [:] }
        var message: String { meta["message"] as? String ?? "" }
        var exportID: String? { (json["data"] as? [String: Any])?["export_id"] as? String }
    }

    private func send(
        _ method: String, _ url: URL, body: String? = nil, token: String? = SimulatorHarness.token
    ) async throws -> Answer {
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let token { request.setValue("Access-Token \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.utf8)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return Answer(status: http.statusCode, headers: http.allHeaderFields, body: data)
    }

    private func desks(_ harness: SimulatorHarness) -> URL {
        harness.baseURL.appendingPathComponent("insights/exports/organizations/42/desks")
    }

    @Test func acceptsThenServesTheCSVWhenReady() async throws {
        // Readiness long enough that a loaded machine still polls before it.
        let harness = try await SimulatorHarness.start(readiness: .seconds(2))
        defer { Task { await harness.stop() } }
        let accepted = try await send("POST", desks(harness), body: #"{"from":"2026-11-16T00:00:00-05:00","to":"2026-11-17T00:00:00-05:00"}"#)
        #expect(accepted.status == 202)
        #expect(accepted.meta["status"] as? String == "ACCEPTED")
        #expect(accepted.meta["errors"] as? [Any] != nil && accepted.meta["more_info"] != nil)
        let id = try #require(accepted.exportID)
        let download = harness.baseURL.appendingPathComponent("insights/exports/\(id)")

        let early = try await send("GET", download)
        #expect(early.status == 404)
        #expect(early.message.contains("not ready"))

        try await Task.sleep(for: .milliseconds(2100))
        let ready = try await send("GET", download)
        #expect(ready.status == 200)
        let expected = TinyDataSource().export(.desks, fromUTC: 1_794_805_200, toUTC: 1_794_891_600, locationIDs: nil)
        #expect(String(decoding: ready.body, as: UTF8.self) == expected)
    }

    @Test(arguments: [
        (#"{"from":"2026-11-16T00:00:00.000Z","to":"2026-11-17T00:00:00Z"}"#, "fractional seconds"),
        (#"{"to":"2026-11-17T00:00:00Z"}"#, "from: is required"),
        (#"{"from":"2026-11-16","to":"2026-11-17T00:00:00Z"}"#, "not an ISO 8601 timestamp"),
        (#"{"from":"2026-11-16T00:00:00","to":"2026-11-17T00:00:00Z"}"#, "not an ISO 8601 timestamp"),
        (#"{"from":"2026-11-17T00:00:00Z","to":"2026-11-17T00:00:00Z"}"#, "to: must be after from"),
        (#"{"from":"2026-11-16T00:00:00Z","to":"2026-11-17T00:00:00Z","location_ids":["1"]}"#, "location_ids"),
        (#"{"from":"2026-11-16T00:00:00Z","to":"2026-11-17T00:00:00Z","location_ids":[-3]}"#, "location_ids"),
        (#"{"from":"2026-11-16T00:00:00Z","to":"2026-11-17T00:00:00Z","location_ids":[1.5]}"#, "location_ids"),
        ("not json", "JSON object"),
    ])
    func badInputIs400InRobinsEnvelope(body: String, expected: String) async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        let answer = try await send("POST", desks(harness), body: body)
        #expect(answer.status == 400)
        #expect(answer.meta["status_code"] as? Int == 400)
        #expect(answer.meta["status"] as? String == "BAD_REQUEST")
        #expect(answer.message.contains(expected), "\(answer.message)")
    }

    @Test func missingOrWrongTokenIs401() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        let body = #"{"from":"2026-11-16T00:00:00Z","to":"2026-11-17T00:00:00Z"}"#
        #expect(try await send("POST", desks(harness), body: body, token: nil).status == 401)
        let wrong = try await send("POST", desks(harness), body: body, token: "nope")
        #expect(wrong.status == 401)
        #expect(wrong.meta["status"] as? String == "UNAUTHORIZED")
        #expect(try await send("GET", harness.baseURL.appendingPathComponent("insights/exports/x"), token: "nope").status == 401)
    }

    @Test func postLimitPerTokenAnswers429WithRetryAfter() async throws {
        let harness = try await SimulatorHarness.start(postLimit: 2, postWindow: .seconds(3))
        defer { Task { await harness.stop() } }
        let body = #"{"from":"2026-11-16T00:00:00Z","to":"2026-11-17T00:00:00Z","location_ids":[1]}"#
        #expect(try await send("POST", desks(harness), body: body).status == 202)
        #expect(try await send("POST", desks(harness), body: body).status == 202)
        let limited = try await send("POST", desks(harness), body: body)
        #expect(limited.status == 429)
        let retryAfter = limited.headers.first { ($0.key as? String)?.lowercased() == "retry-after" }?.value as? String
        #expect(retryAfter.flatMap(Int.init).map { (1...3).contains($0) } == true)
        let log = await harness.simulator.requestLog()
        #expect(log.map(\.status) == [202, 202, 429])
    }
}
