import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only memory-mapped file. The mapping lives as long as this object.
final class MappedFile: @unchecked Sendable {
    let path: String
    let base: UnsafeRawPointer
    let count: Int

    init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InferenceError.fileUnreadable(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw InferenceError.fileUnreadable(path, String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw InferenceError.fileUnreadable(path, "not a regular file") }
        count = Int(info.st_size)
        guard count > 0 else { throw InferenceError.fileUnreadable(path, "file is empty") }
        guard let mapping = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), mapping != MAP_FAILED else {
            throw InferenceError.fileUnreadable(path, String(cString: strerror(errno)))
        }
        base = UnsafeRawPointer(mapping)
    }

    /// Lets the kernel drop the pages wholly inside `range` (bytes from the start of the file) from memory; they are
    /// read again from the file if touched. Called once a tensor has been copied out, so the file and its copy are
    /// not both resident.
    func discard(_ range: Range<Int>) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = min(range.upperBound, count) / page * page
        guard end > start else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, Int32(MADV_DONTNEED))
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), count) }
}
