import FactCheckCore
import Foundation

/// The knowledge base's passage vectors as half-float rows (as the database stores them: 2 bytes a dimension),
/// memory-mapped from a file beside it (`<knowledge base>.vectors`) that is written once from the database and
/// rewritten when the passages change. Opening it takes no time and no memory of its own whatever the size of the
/// knowledge base: the pages are read as a search touches them and are shared by every process on the machine that
/// maps the file.
///
/// Layout (little-endian): the magic `FCVEC002`, then the knowledge base's generation, the row count and the dimension
/// (each 8 bytes), then the rows' passage row ids in ascending order (8 bytes each), then the rows (`dimension` IEEE
/// half floats each).
public final class PassageVectors: @unchecked Sendable {
    public let dimension: Int
    /// Passage row ids, ascending, one per row.
    public let rowids: UnsafeBufferPointer<Int64>
    /// `rowids.count` rows of `dimension` half floats (bit patterns).
    public let values: UnsafeBufferPointer<UInt16>
    private let owner: AnyObject

    public var count: Int { rowids.count }

    /// Row `index` as floats.
    public func vector(at index: Int) -> [Float] {
        values[index * dimension ..< (index + 1) * dimension].map { VectorCoding.halfToFloat[Int(UInt16(littleEndian: $0))] }
    }

    static let magic = Array("FCVEC002".utf8)
    static let headerSize = 32

    /// Vectors held in memory, stored as half floats.
    public convenience init(rowids: [Int64], dimension: Int, values: [Float]) {
        self.init(rowids: rowids, dimension: dimension, halves: values.map { Float16($0).bitPattern })
    }

    /// Half-float bit patterns held in memory (a knowledge base whose vector file cannot be written).
    init(rowids: [Int64], dimension: Int, halves values: [UInt16]) {
        precondition(values.count == rowids.count * dimension && rowids == rowids.sorted())
        let storage = Storage(rowids: rowids, values: values)
        owner = storage
        self.dimension = dimension
        self.rowids = UnsafeBufferPointer(storage.rowids)
        self.values = UnsafeBufferPointer(storage.values)
    }

    private init(file: MappedFile, count: Int, dimension: Int) {
        owner = file
        self.dimension = dimension
        rowids = UnsafeBufferPointer(start: (file.base + Self.headerSize).assumingMemoryBound(to: Int64.self), count: count)
        values = UnsafeBufferPointer(start: (file.base + Self.headerSize + 8 * count).assumingMemoryBound(to: UInt16.self), count: count * dimension)
    }

    /// The vectors of the file at `path` when it was written at knowledge-base generation `generation`; nil when the
    /// file is missing, stale or not a vector file.
    static func open(path: String, generation: Int64) -> PassageVectors? {
        guard let file = try? MappedFile(path: path), file.count >= headerSize,
              Array(UnsafeRawBufferPointer(start: file.base, count: 8)) == magic else { return nil }
        let header = (1 ..< 4).map { Int64(littleEndian: file.base.loadUnaligned(fromByteOffset: 8 * $0, as: Int64.self)) }
        let (written, count, dimension) = (header[0], Int(header[1]), Int(header[2]))
        guard written == generation, count >= 0, dimension > 0, dimension <= 65_536,
              file.count == headerSize + count * 8 + count * dimension * 2 else { return nil }
        return PassageVectors(file: file, count: count, dimension: dimension)
    }

    /// Writes `rows` (ascending row ids with their vectors, `count` of them) to a file at `path`: to a temporary file
    /// first, renamed into place at the end, so that a process reading the old file keeps it and none sees half a file.
    static func write(path: String, generation: Int64, count: Int, dimension: Int,
                      rows: (_ each: (Int64, Data) throws -> Void) throws -> Void) throws {
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        var written = false
        defer {
            try? handle.close()
            if !written { try? FileManager.default.removeItem(atPath: temporary) }
        }
        var header = Data(magic)
        for value in [generation, Int64(count), Int64(dimension)] { withUnsafeBytes(of: value.littleEndian) { header.append(contentsOf: $0) } }
        try handle.write(contentsOf: header)
        try handle.truncate(atOffset: UInt64(headerSize + count * 8))  // the row ids, filled in at the end
        try handle.seek(toOffset: UInt64(headerSize + count * 8))
        var rowids: [Int64] = []
        rowids.reserveCapacity(count)
        var block = Data()
        block.reserveCapacity(4096 * dimension * 2)
        func flush() throws {
            try handle.write(contentsOf: block)
            block.removeAll(keepingCapacity: true)
        }
        try rows { rowid, blob in
            guard rowids.count < count, blob.count == dimension * 2 else { return }
            rowids.append(rowid)
            block.append(blob)  // little-endian half floats, as stored
            if block.count >= 4096 * dimension * 2 { try flush() }
        }
        try flush()
        guard rowids.count == count else { throw StoreError.vectorFile(path, "expected \(count) vectors, read \(rowids.count)") }
        try handle.seek(toOffset: UInt64(headerSize))
        try rowids.map(\.littleEndian).withUnsafeBytes { try handle.write(contentsOf: Data($0)) }
        try handle.synchronize()
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        written = true
    }

    /// Rows copied into memory this object owns.
    private final class Storage {
        let rowids: UnsafeMutableBufferPointer<Int64>
        let values: UnsafeMutableBufferPointer<UInt16>

        init(rowids: [Int64], values: [UInt16]) {
            self.rowids = .allocate(capacity: rowids.count)
            _ = self.rowids.initialize(from: rowids)
            self.values = .allocate(capacity: values.count)
            _ = self.values.initialize(from: values)
        }

        deinit {
            rowids.deallocate()
            values.deallocate()
        }
    }
}
