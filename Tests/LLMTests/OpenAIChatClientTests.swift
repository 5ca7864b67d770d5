import FactCheckCore
import FactCheckWebTesting
import Foundation
@testable import LLM
import XCTest

/// The client against a local server speaking the OpenAI chat-completions format (Support/openai_server.py), one
/// behaviour per model name: answers, retries, failures that must come back as clear errors, structured and streamed answers.
final class OpenAIChatClientTests: XCTestCase {
    private var server: ScriptServer!

    override func setUpWithError() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support/openai_server.py")
        server = try ScriptServer(script: script, arguments: ["--key", "sk-test-secret"])
    }

    override func tearDown() { server = nil }

    private func client(_ model: String, key: String? = "sk-test-secret", timeout: Duration = .seconds(10)) -> OpenAIChatClient {
        OpenAIChatClient(configuration: LLMConfiguration(baseURL: URL(string: server.url("/v1"))!, model: model, apiKey: key,
                                                         requestTimeout: timeout, retryDelay: .milliseconds(50)))
    }

    private static let question = ChatRequest(messages: [ChatMessage(.system, "Answer briefly."), ChatMessage(.user, "Are you ready?")], maxTokens: 16)

    private func received() throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(string: server.url("/requests"))!)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    private func expectError<T>(_ body: () async throws -> T, _ expected: String, file: StaticString = #filePath, line: UInt = #line) async {
        do {
            _ = try await body()
            XCTFail("expected an error saying '\(expected)'", file: file, line: line)
        } catch {
            XCTAssertTrue(error is LLMError, "\(type(of: error))", file: file, line: line)
            XCTAssertTrue("\(error)".contains(expected), "\(error)", file: file, line: line)
        }
    }

    func testAnswersCarryTheirUsageAndTheRequestFollowsTheAPI() async throws {
        let budget = LLMBudget(maxTokens: 100)
        let answer = try await client("good").complete(Self.question, budget: budget)
        XCTAssertEqual(answer.text, "ready")
        XCTAssertEqual(answer.finishReason, "stop")
        XCTAssertEqual(answer.usage, TokenUsage(prompt: 5, completion: 1))
        XCTAssertEqual(budget.spent.usage.total, 6)
        let sent = try XCTUnwrap(try received().last)
        XCTAssertEqual(sent["authorization"] as? String, "Bearer sk-test-secret")
        let body = try XCTUnwrap(sent["body"] as? [String: Any])
        XCTAssertEqual(body["model"] as? String, "good")
        XCTAssertEqual(body["max_tokens"] as? Int, 16)
        XCTAssertEqual((body["messages"] as? [[String: String]])?.map { $0["role"] ?? "" }, ["system", "user"])
        XCTAssertNil(body["response_format"], "no schema, no response_format")
    }

    func testBusyServersAreRetriedAndFailuresAreClearErrors() async throws {
        let flaky = try await client("flaky").complete(Self.question, budget: LLMBudget())
        XCTAssertEqual(flaky.text, "ready", "a 429 is tried again")
        XCTAssertEqual(try received().count, 2)

        await expectError({ try await self.client("down").complete(Self.question, budget: LLMBudget()) }, "HTTP 503: The server is overloaded.")
        XCTAssertEqual(try received().count, 2 + 3, "a 503 is tried again twice, then given up")
        await expectError({ try await self.client("good", key: "wrong").complete(Self.question, budget: LLMBudget()) }, "HTTP 401")
        await expectError({ try await self.client("garbage").complete(Self.question, budget: LLMBudget()) }, "could not be read: the answer is not a JSON object")
        await expectError({ try await self.client("tiny-context").complete(Self.question, budget: LLMBudget()) }, "does not fit the model's context")

        let started = ContinuousClock.now
        await expectError({ try await self.client("slow", timeout: .milliseconds(500)).complete(Self.question, budget: LLMBudget()) }, "did not answer in time")
        XCTAssertLessThan(started.duration(to: .now), .seconds(2), "the timeout holds, with no retry")

        let closed = OpenAIChatClient(configuration: LLMConfiguration(baseURL: URL(string: "http://127.0.0.1:1/v1")!, model: "good", retryDelay: .milliseconds(10)))
        await expectError({ try await closed.complete(Self.question, budget: LLMBudget()) }, "cannot be reached")
    }

    func testTheBudgetStopsRequestsOnceSpent() async throws {
        let budget = LLMBudget(maxTokens: 6)
        _ = try await client("good").complete(Self.question, budget: budget)
        await expectError({ try await self.client("good").complete(Self.question, budget: budget) }, "6 of 6 tokens used")
        let late = LLMBudget(time: .zero)
        await expectError({ try await self.client("good").complete(Self.question, budget: late) }, "its time is up")
        XCTAssertEqual(try received().count, 1, "nothing sent once the budget is spent")
    }

    private struct Capital: Decodable, Equatable {
        let country: String
        let capital: String
    }

    private static let capitalQuestion = ChatRequest(messages: [ChatMessage(.user, "Capital of France?")], schema: JSONSchema(name: "capital", json: """
        {"type": "object", "properties": {"country": {"type": "string"}, "capital": {"type": "string"}}, "required": ["country", "capital"]}
        """))

    func testStructuredAnswersUseTheSchemaRepairOnceAndFallBackToThePrompt() async throws {
        let direct = try await client("good").completeJSON(Self.capitalQuestion, as: Capital.self, budget: LLMBudget())
        XCTAssertEqual(direct, Capital(country: "France", capital: "Paris"))
        let format = try XCTUnwrap((try received().last?["body"] as? [String: Any])?["response_format"] as? [String: Any])
        XCTAssertEqual(format["type"] as? String, "json_schema")
        XCTAssertEqual((format["json_schema"] as? [String: Any])?["name"] as? String, "capital")

        let repaired = try await client("sloppy-json").completeJSON(Self.capitalQuestion, as: Capital.self, budget: LLMBudget())
        XCTAssertEqual(repaired, Capital(country: "France", capital: "Paris"), "the fenced answer is read, the missing key asked for again")
        let repair = try XCTUnwrap((try received().last?["body"] as? [String: Any])?["messages"] as? [[String: String]])
        XCTAssertEqual(repair.last?["content"]?.contains(#"the key "capital" is missing"#), true, "\(repair)")

        let noSchema = client("no-schema")
        let prompted = try await noSchema.completeJSON(Self.capitalQuestion, as: Capital.self, budget: LLMBudget())
        XCTAssertEqual(prompted, Capital(country: "France", capital: "Paris"))
        XCTAssertFalse(noSchema.schemaSupport.isSupported, "the refusal is remembered")
        let count = try received().count
        _ = try await noSchema.completeJSON(Self.capitalQuestion, as: Capital.self, budget: LLMBudget())
        XCTAssertEqual(try received().count, count + 1, "asked in the prompt at once the next time")

        await expectError({ try await self.client("garbage").completeJSON(Self.capitalQuestion, as: Capital.self, budget: LLMBudget()) }, "not a JSON object")
    }

    func testStreamedAnswersArriveInPiecesAndCountTheirTokens() async throws {
        let budget = LLMBudget()
        var pieces: [String] = []
        for try await piece in client("good").stream(Self.question, budget: budget) { pieces.append(piece) }
        XCTAssertEqual(pieces, ["one", " two", " three"])
        XCTAssertEqual(budget.spent.usage, TokenUsage(prompt: 5, completion: 3))
        XCTAssertEqual((try received().last?["body"] as? [String: Any])?["stream"] as? Bool, true)
        do {
            for try await _ in client("down").stream(Self.question, budget: LLMBudget()) {}
            XCTFail("a server that is down ends the stream with an error")
        } catch {
            XCTAssertTrue("\(error)".contains("HTTP 503"), "\(error)")
        }
    }

    func testTheProbeSaysWhatTheServerSupports() async throws {
        let good = await client("good").probe()
        XCTAssertEqual(good.models, ["good", "flaky", "slow"])
        XCTAssertEqual(try good.chat.get().text, "ready")
        XCTAssertEqual(try good.structured?.get(), true)
        XCTAssertEqual(try good.streaming?.get(), 3)
        let refusing = await client("no-schema").probe()
        XCTAssertEqual(try refusing.structured?.get(), false, "structured answers through the prompt")
        let down = await client("down").probe()
        XCTAssertThrowsError(try down.chat.get())
        XCTAssertNil(down.structured, "it stops after a failed answer")
    }
}
