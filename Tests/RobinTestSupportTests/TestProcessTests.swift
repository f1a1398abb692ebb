import Foundation
import RobinTestSupport
import Testing

/// The tests' one process runner: output, input, status, time limit.
@Suite("TestProcess")
struct TestProcessTests {
    @Test("a megabyte on stdout and on stderr at once, and a megabyte of input, pass without a deadlock")
    func largeOutputAndInput() async throws {
        let input = Data(String(repeating: "0123456789abcdef\n", count: 65_536).utf8)
        let result = try await TestProcess.run("/bin/sh", ["-c", "cat; head -c 1048576 /dev/zero | tr '\\0' x >&2; exit 3"],
                                               input: .data(input))
        #expect(result.status == 3 && !result.signaled)
        #expect(result.stdout == String(decoding: input, as: UTF8.self))
        #expect(result.stderr == String(repeating: "x", count: 1_048_576))
    }

    @Test("the environment and working folder are the child's; a command's failure names it and quotes its stderr")
    func environmentAndFailure() async throws {
        let folder = try TemporaryFolder("robin-support")
        defer { folder.remove() }
        let printed = try await TestProcess.output("/bin/sh", ["-c", "echo \"$GREETING\"; pwd"],
                                                   environment: ["GREETING": "hello", "PATH": "/usr/bin:/bin"],
                                                   directory: folder.path)
        #expect(printed == "hello\n\(folder.path)\n")
        await #expect {
            try await TestProcess.output("/bin/sh", ["-c", "echo 'no such report' >&2; exit 4"])
        } throws: { error in
            (error as? TestProcess.Failure)?.description == "/bin/sh -c echo 'no such report' >&2; exit 4 failed (4): no such report\n"
        }
        await #expect(throws: TestProcess.Failure.self) { try await TestProcess.run("no-such-program-robin") }
    }

    @Test("a child past its time limit is killed, and the wait says so")
    func timeLimit() async throws {
        let child = try TestProcess.start("/bin/sh", ["-c", "echo started; exec sleep 60"])
        #expect(try await child.firstLine() == "started")
        await #expect {
            try await child.wait(timeout: .milliseconds(200))
        } throws: { error in
            guard case .timedOut(let command, _, _) = error as? TestProcess.Failure else { return false }
            return command.hasPrefix("/bin/sh -c echo started")
        }
        #expect(!child.isRunning)
        #expect(kill(child.pid, 0) != 0, "the child is still there")
    }

    @Test("a test's kill ends the child by that signal")
    func killed() async throws {
        let child = try TestProcess.start("/bin/sleep", ["60"])
        #expect(child.isRunning)
        child.kill(SIGKILL)
        let result = try await child.wait()
        #expect(result.signaled && result.status == SIGKILL)
    }
}
