import Foundation

/// Output paths checked before writing, and write failures in words: "out.json is a directory",
/// "the folder results does not exist", "permission denied", never a raw `NSCocoaErrorDomain` code.
enum OutputPath {
    /// Why a file cannot be written at `path` (nil when nothing is known to be wrong).
    static func fileProblem(_ path: String) -> String? {
        if path.isEmpty { return "the path is empty; give a file name" }
        if isDirectory(path) == true { return "\(path) is a directory; give a file name, e.g. \(path)/out" }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        switch isDirectory(parent) {
        case nil: return "the folder \(parent) does not exist"
        case false?: return "\(parent) is a file, not a folder"
        case true?: return nil
        }
    }

    /// Why a directory cannot be written into at `path` (it may not exist yet; its nearest existing
    /// ancestor must be a folder that takes a new entry: one is made there and removed at once, so a folder
    /// without write permission, on a read-only file system or in /proc is refused before any work).
    static func directoryProblem(_ path: String) -> String? {
        if path.isEmpty { return "the path is empty; give a folder name (. for this one)" }
        var url = URL(fileURLWithPath: path)
        while isDirectory(url.path) == nil, url.pathComponents.count > 1 { url.deleteLastPathComponent() }
        if isDirectory(url.path) == false { return "\(url.path) is a file, not a folder" }
        let probe = url.appendingPathComponent(".activations-write-check-\(UUID().uuidString.prefix(8))")
        guard mkdir(probe.path, 0o700) == 0 else {
            return "\(url.path) takes no new file or folder (\(String(cString: strerror(errno))))"
        }
        rmdir(probe.path)
        return nil
    }

    /// Whether `path` is a directory, a file (false), or nothing (nil).
    static func isDirectory(_ path: String) -> Bool? {
        var directory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &directory) else { return nil }
        return directory.boolValue
    }

    /// A read or write error in words: the operating system's reason when there is one.
    static func describe(_ error: any Error, reading: Bool = false) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        guard error.domain == NSCocoaErrorDomain else { return error.localizedDescription }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
        case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "no space left on the device"
        case .fileWriteVolumeReadOnly: return "the file system is read-only"
        case .fileWriteInvalidFileName: return "the name is not a valid file name"
        case .fileWriteFileExists: return "a file of that name exists"
        default: return "the file could not be \(reading ? "read" : "written"), and the system gave no reason (is it a special file?)"
        }
    }
}

/// Writes `data` to the file at `path`, or explains in words why it cannot (a path that cannot be
/// a file: 64; a write that failed, a full disk: 74).
///
/// A regular file (or a new one) is written beside itself and then renamed over the old one, so a
/// write that fails leaves the old file as it was: a model saved onto a full disk replaced a good
/// model with a truncated one. The old file's permissions carry over (a private model stays
/// private); a symbolic link is followed (the file it names is replaced, the link stays). Standard
/// output's names (`/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`) go to standard output itself,
/// after what it already holds; other devices and named pipes are written in place; a folder that
/// takes no new file (the beside-file cannot be made) gets the file written in place too.
func writeFile(_ data: Data, to path: String) throws {
    if let problem = OutputPath.fileProblem(path) { throw CommandFailure.usage("cannot write \(path): \(problem)") }
    if ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"].contains(path) {
        return StandardOutput.write(String(decoding: data, as: UTF8.self))
    }
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
    let attributes = try? FileManager.default.attributesOfItem(atPath: target.path)
    let type = attributes?[.type] as? FileAttributeType
    do {
        guard type == nil || type == .typeRegular else { return try data.write(to: target) }  // a device, a pipe
        let beside = target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        guard FileManager.default.createFile(atPath: beside.path, contents: nil) else {
            return try data.write(to: target)  // the folder takes no new file
        }
        do {
            try data.write(to: beside)
            if let permissions = attributes?[.posixPermissions] {
                try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: beside.path)
            }
            guard rename(beside.path, target.path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: beside)
            throw error
        }
    } catch {
        throw CommandFailure.io("cannot write \(path): \(OutputPath.describe(error))")
    }
}

/// Runs `write` into the directory `path`, or explains in words why it cannot.
func writeDirectory<T>(_ path: String, what: String = "", _ write: (URL) throws -> T) throws -> T {
    let target = what.isEmpty ? path : "\(what) into \(path)"
    if let problem = OutputPath.directoryProblem(path) {
        throw CommandFailure.usage("cannot write \(target): \(problem)")
    }
    do { return try write(URL(fileURLWithPath: path)) } catch let failure as CommandFailure { throw failure } catch {
        throw CommandFailure.io("cannot write \(target): \(OutputPath.describe(error))")
    }
}
