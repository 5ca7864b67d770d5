import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only memory-mapped file (model weights, the knowledge base's passage vectors). The mapping lives as long as
/// this object; its pages are read from the file as they are touched and shared with every process mapping the file.
public final class MappedFile: @unchecked Sendable {
    /// Why a file could not be mapped.
    public struct ReadError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): cannot read file: \(reason)" }
    }

    public let path: String
    public let base: UnsafeRawPointer
    public let count: Int

    public init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw ReadError(path: path, reason: "not a regular file") }
        count = Int(info.st_size)
        guard count > 0 else { throw ReadError(path: path, reason: "file is empty") }
        guard let mapping = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), mapping != MAP_FAILED else {
            throw ReadError(path: path, reason: String(cString: strerror(errno)))
        }
        base = UnsafeRawPointer(mapping)
    }

    /// Lets the kernel drop the pages wholly inside `range` (bytes from the start of the file) from memory; they are
    /// read again from the file if touched. Called once a tensor has been copied out, so the file and its copy are
    /// not both resident.
    public func discard(_ range: Range<Int>) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = min(range.upperBound, count) / page * page
        guard end > start else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, Int32(MADV_DONTNEED))
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), count) }
}
