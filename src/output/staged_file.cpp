#include "output/staged_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace dw::output {

namespace {

std::string errno_text(int err) { return std::system_category().message(err); }

std::string hint_for(int err, const std::string& dir) {
    switch (err) {
        case EACCES:
        case EPERM:
            return "you have no permission to write in directory '" + dir + "'";
        case ENOENT: {
            // A virtual file system (/proc, /sys) has its folders but refuses new files so.
            std::error_code ec;
            if (std::filesystem::is_directory(dir, ec))
                return "directory '" + dir + "' takes no new files (a virtual file system?); "
                       "write the output elsewhere";
            return "directory '" + dir + "' does not exist";
        }
        case ENOTDIR:
            return "a part of '" + dir + "' is a file, not a directory";
        case ENOSPC:
        case EDQUOT:
            return "the disk is full";
        case EROFS:
            return "the file system is read-only";
        case EFBIG:
            return "the file is larger than this file system or the file size limit allows";
        default:
            return {};
    }
}

// Closes on scope exit.
struct FileDescriptor {
    int fd = -1;
    ~FileDescriptor() {
        if (fd >= 0) ::close(fd);
    }
};

bool write_all(int fd, std::string_view bytes) {
    const char* p = bytes.data();
    size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, std::min<size_t>(left, 1 << 30));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;
            return false;
        }
        p += n;
        left -= static_cast<size_t>(n);
    }
    return true;
}

// A rename is only durable once the directory entry itself is on disk. Best effort.
void sync_directory(const std::string& dir) {
    FileDescriptor d{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (d.fd >= 0) ::fsync(d.fd);
}

std::atomic<unsigned> temp_counter{0};

}  // namespace

StagedFile::StagedFile(std::string target, std::string_view bytes, Diagnostics& diag)
    : StagedFile(std::move(target), diag) {
    if (append(bytes)) close();
}

StagedFile::StagedFile(std::string target, Diagnostics& diag)
    : target_(std::move(target)), diag_(diag) {
    fs::path parent = fs::path(target_).parent_path();
    dir_ = parent.empty() ? "." : parent.string();
    open();
}

StagedFile::~StagedFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!temp_.empty()) ::unlink(temp_.c_str());
}

bool StagedFile::fail(const char* what) {
    const int err = errno;  // before anything else can change it
    diag_.error({target_}, what + (": " + errno_text(err)), hint_for(err, dir_));
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    direct_ = false;
    if (!temp_.empty()) ::unlink(temp_.c_str());
    temp_.clear();
    return false;
}

bool StagedFile::create_parent_directory() {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) {
        diag_.error({target_}, "cannot create directory '" + dir_ + "': " + ec.message(),
                    hint_for(ec.value(), dir_));
        return false;
    }
    return true;
}

// O_EXCL: the name is ours alone, even with several drukwerk processes writing next to each other.
int StagedFile::create_temp_file() {
    const std::string base = dir_ + "/." + fs::path(target_).filename().string() + ".tmp-" +
                             std::to_string(::getpid()) + "-";
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string name = base + std::to_string(temp_counter++);
        int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            temp_ = name;
            return fd;
        }
        if (errno != EEXIST) return -1;
    }
    return -1;
}

bool StagedFile::open_special() {
    if (target_ == "-") {
        fd_ = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 0);
        direct_ = fd_ >= 0;
        if (!direct_) fail("cannot write to standard output");
        return true;
    }
    struct stat link {}, file {};
    if (::lstat(target_.c_str(), &link) != 0) return false;  // a new file
    const bool resolves = ::stat(target_.c_str(), &file) == 0;
    if (S_ISLNK(link.st_mode) && !resolves) {
        diag_.error({target_}, "the output is a symlink that points nowhere; not replacing it",
                    "remove the symlink or choose another output file");
        return true;
    }
    if (!S_ISREG(file.st_mode) && !S_ISDIR(file.st_mode)) {
        fd_ = ::open(target_.c_str(), O_WRONLY | O_CLOEXEC);
        direct_ = fd_ >= 0;
        if (!direct_) fail("cannot open the output for writing");
        return true;
    }
    if (S_ISLNK(link.st_mode) && S_ISREG(file.st_mode)) {  // replace the file it names
        std::error_code ec;
        const fs::path resolved = fs::canonical(target_, ec);
        if (!ec) {
            target_ = resolved.string();
            dir_ = resolved.parent_path().string();
        }
    }
    return false;
}

bool StagedFile::open() {
    if (open_special()) return direct_;
    if (fs::path(target_).filename().empty()) {
        diag_.error({target_}, "the output path names a directory, not a file",
                    "give a file name, e.g. out/result.pdf");
        return false;
    }
    if (!create_parent_directory()) return false;
    std::error_code ec;
    if (fs::is_directory(target_, ec)) {
        diag_.error({target_}, "cannot write the output: this path is a directory",
                    "give a file name, e.g. " + target_ + "/result.pdf");
        return false;
    }
    fd_ = create_temp_file();
    if (fd_ < 0) return fail("cannot create a temporary file next to it");
    // Replacing a file keeps its permissions; a new file gets 0666 minus the umask.
    struct stat old {};
    if (::stat(target_.c_str(), &old) == 0) ::fchmod(fd_, old.st_mode & 07777);
    return true;
}

bool StagedFile::append(std::string_view bytes) {
    if (!ok() || fd_ < 0) return false;
    if (!write_all(fd_, bytes)) return fail("cannot write the output");
    return true;
}

bool StagedFile::close() {
    if (fd_ < 0) return ok();
    if (::fsync(fd_) != 0 && errno != EINVAL) return fail("cannot flush to disk");
    // close() reports what NFS could only tell then: the write errors.
    int result = ::close(fd_);
    fd_ = -1;
    if (result != 0) return fail("cannot write the output");
    return true;
}

bool StagedFile::commit() {
    if (direct_) return close();
    if (!close() || temp_.empty()) return false;
    if (::rename(temp_.c_str(), target_.c_str()) != 0) {
        return fail("cannot replace the output file");
    }
    temp_.clear();
    sync_directory(dir_);
    return true;
}

}  // namespace dw::output
