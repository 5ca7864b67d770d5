/// Asks `ask` for every phrasing at once and interleaves the answers, each phrasing's best first, without repeats (by
/// `key`), at most `limit`. A phrasing that fails does not lose the others; only when all fail is the first one's error
/// thrown.
func interleavedAnswers<Item: Sendable, Key: Hashable>(to phrasings: [String], limit: Int, key: (Item) -> Key,
                                                        _ ask: @escaping @Sendable (String) async throws -> [Item]) async throws -> [Item] {
    let answers = await withTaskGroup(of: (Int, Result<[Item], any Error>).self) { group in
        for (index, phrasing) in phrasings.enumerated() {
            group.addTask {
                do { return (index, .success(try await ask(phrasing))) } catch { return (index, .failure(error)) }
            }
        }
        var answers: [Int: Result<[Item], any Error>] = [:]
        for await (index, answer) in group { answers[index] = answer }
        return answers.sorted { $0.key < $1.key }.map(\.value)
    }
    let found = answers.compactMap { try? $0.get() }
    if found.isEmpty, case let .failure(error)? = answers.first { throw error }
    var items: [Item] = []
    var seen: Set<Key> = []
    for rank in 0 ..< (found.map(\.count).max() ?? 0) {
        for list in found where rank < list.count && seen.insert(key(list[rank])).inserted { items.append(list[rank]) }
    }
    return Array(items.prefix(limit))
}
