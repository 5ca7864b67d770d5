import FactCheckWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Checks real API responses against the schemas of the served `/openapi.json`.
@Suite struct OpenAPIValidationTests {
    @Test func responsesMatchTheDocument() async throws {
        var harness = WebHarness()
        harness.configuration.hideCommentAfterReports = 1
        try await harness.run { client in
            let document = try await client.get("/openapi.json").json()
            let validator = SchemaValidator(document: document)
            func check(_ response: TestResponse, _ path: String, _ method: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
                let problems = try validator.validate(response, path: path, method: method)
                #expect(problems.isEmpty, "\(method.uppercased()) \(path) \(response.status.code): \(problems)", sourceLocation: sourceLocation)
            }
            let created = try await client.postJSON("/api/v1/checks", ["claim": "NATO was founded in 1949."])
            try check(created, "/api/v1/checks", "post")
            try check(try await client.postJSON("/api/v1/checks", ["claim": "NATO was founded in 1949"]), "/api/v1/checks", "post")
            try check(try await client.postJSON("/api/v1/checks", ["claim": ""]), "/api/v1/checks", "post")
            try check(try await client.execute("/api/v1/checks", method: .post, headers: [.contentType: "text/plain"], body: "x"), "/api/v1/checks", "post")
            let id = try #require(try created.json()["id"] as? String)
            try check(try await client.get("/api/v1/checks?page=1"), "/api/v1/checks", "get")
            try check(try await client.get("/api/v1/checks?verdict=nope"), "/api/v1/checks", "get")
            try check(try await client.get("/api/v1/checks/\(id)"), "/api/v1/checks/{id}", "get")
            try check(try await client.get("/api/v1/checks/missing"), "/api/v1/checks/{id}", "get")
            let comment = try await client.postJSON("/api/v1/checks/\(id)/comments", ["name": "Ann", "text": "Thanks"])
            try check(comment, "/api/v1/checks/{id}/comments", "post")
            try check(try await client.postJSON("/api/v1/checks/\(id)/comments", ["text": ""]), "/api/v1/checks/{id}/comments", "post")
            try check(try await client.get("/api/v1/checks/\(id)/comments"), "/api/v1/checks/{id}/comments", "get")
            let commentID = try #require(try comment.json()["id"] as? Int)
            try check(try await client.execute("/api/v1/comments/\(commentID)/report", method: .post), "/api/v1/comments/{id}/report", "post")
            try check(try await client.execute("/api/v1/comments/\(commentID)/report", method: .post), "/api/v1/comments/{id}/report", "post")
            try check(try await client.execute("/api/v1/comments/\(commentID)", method: .delete), "/api/v1/comments/{id}", "delete")
            try check(try await client.execute("/api/v1/comments/\(commentID)", method: .delete, headers: [.authorization: "Bearer admin-secret"]),
                      "/api/v1/comments/{id}", "delete")
            try check(try await client.get("/healthz"), "/healthz", "get")
        }
    }
}

/// A JSON value decoded strictly, so booleans and numbers stay apart.
enum JSONValue: Decodable {
    case null, bool(Bool), integer(Int64), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }
}

/// A small validator for the subset of OpenAPI 3.0 schemas the document uses: type, required, properties, items,
/// enum, nullable, minimum/maximum, additionalProperties and local `$ref`s.
struct SchemaValidator {
    let document: [String: Any]

    func validate(_ response: TestResponse, path: String, method: String) throws -> [String] {
        guard let operation = ((document["paths"] as? [String: Any])?[path] as? [String: Any])?[method] as? [String: Any],
              let responses = operation["responses"] as? [String: Any] else { return ["operation not documented"] }
        guard var declared = responses[String(response.status.code)] as? [String: Any] else { return ["status \(response.status.code) not documented"] }
        declared = resolve(declared)
        var problems: [String] = []
        for (name, _) in declared["headers"] as? [String: Any] ?? [:] where response.headers[.init(name)!] == nil {
            problems.append("missing header \(name)")
        }
        guard let content = declared["content"] as? [String: Any] else {
            return response.body.readableBytes == 0 ? problems : problems + ["undocumented body"]
        }
        guard let schema = (content["application/json"] as? [String: Any])?["schema"] as? [String: Any] else { return problems + ["no JSON schema"] }
        guard response.headers[.contentType]?.hasPrefix("application/json") == true else { return problems + ["content type is not JSON"] }
        return problems + check(try JSONDecoder().decode(JSONValue.self, from: Data(response.text.utf8)), against: schema, at: "$")
    }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String else { return schema }
        var node: Any? = document
        for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] }
        return resolve(node as? [String: Any] ?? [:])
    }

    private func check(_ value: JSONValue, against schema: [String: Any], at path: String) -> [String] {
        let schema = resolve(schema)
        var problems: [String] = []
        if let options = schema["enum"] as? [String] {
            guard case let .string(text) = value, options.contains(text) else { return ["\(path) = \(value) not in enum"] }
        }
        switch (schema["type"] as? String, value) {
        case (_, .null):
            if schema["nullable"] as? Bool != true { problems.append("\(path) is null") }
        case let ("object", .object(object)):
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path).\(key) is missing") }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, item) in object {
                if let property = properties[key] as? [String: Any] {
                    problems += check(item, against: property, at: "\(path).\(key)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    problems += check(item, against: additional, at: "\(path).\(key)")
                } else if !properties.isEmpty {
                    problems.append("\(path).\(key) is not documented")
                }
            }
        case let ("array", .array(array)):
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { problems += check(item, against: items, at: "\(path)[\(index)]") }
            }
        case ("string", .string), ("boolean", .bool):
            break
        case let ("integer", .integer(number)):
            problems += bounds(Double(number), schema, path)
        case let ("number", .integer(number)):
            problems += bounds(Double(number), schema, path)
        case let ("number", .number(number)):
            problems += bounds(number, schema, path)
        case let (type?, value):
            problems.append("\(path) is not \(type): \(value)")
        case (nil, _):
            break
        }
        return problems
    }

    private func bounds(_ number: Double, _ schema: [String: Any], _ path: String) -> [String] {
        var problems: [String] = []
        if let minimum = (schema["minimum"] as? NSNumber)?.doubleValue, number < minimum { problems.append("\(path) below minimum") }
        if let maximum = (schema["maximum"] as? NSNumber)?.doubleValue, number > maximum { problems.append("\(path) above maximum") }
        return problems
    }
}
