// What Swift's Glibc module map does not bring in: epoll and eventfd, plus small inline
// wrappers so Swift never touches the packed `struct epoll_event` layout or C varargs.
#ifndef CSYSTEM_H
#define CSYSTEM_H
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/resource.h>
#include <sys/prctl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <unistd.h>
#include <malloc.h>

/// mallopt(M_TRIM_THRESHOLD): free memory at the top of a malloc heap that is kept instead of
/// given back to the kernel (a constant also turns off glibc's sliding threshold).
static inline int csystem_set_trim_threshold(int bytes) {
    return mallopt(M_TRIM_THRESHOLD, bytes);
}

/// epoll_ctl with the event mask and a 64-bit token (the fd or a connection id).
static inline int csystem_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t token) {
    struct epoll_event ev;
    ev.events = events;
    ev.data.u64 = token;
    return epoll_ctl(epfd, op, fd, &ev);
}

/// A plain (unpacked) copy of one ready event.
typedef struct { uint32_t events; uint64_t token; } csystem_event;

/// epoll_wait into a caller buffer of plain events (max at most 1024).
static inline int csystem_epoll_wait(int epfd, csystem_event *out, int max, int timeout_ms) {
    struct epoll_event evs[1024];
    if (max > 1024) max = 1024;
    int n = epoll_wait(epfd, evs, max, timeout_ms);
    for (int i = 0; i < n; i++) { out[i].events = evs[i].events; out[i].token = evs[i].data.u64; }
    return n;
}

/// accept4(2) is a GNU extension the Glibc module does not export without _GNU_SOURCE.
extern int accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags);
static inline int csystem_accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags) {
    return accept4(fd, addr, len, flags);
}

/// Names the calling thread (shown by top -H and in crash reports); at most 15 bytes.
static inline void csystem_set_thread_name(const char *name) { prctl(PR_SET_NAME, name, 0, 0, 0); }

static inline int csystem_errno(void) { return errno; }

static inline int csystem_set_nonblocking(int fd) {
    int flags = fcntl(fd, F_GETFL, 0);
    if (flags < 0) return -1;
    return fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

static inline int csystem_set_int_option(int fd, int level, int name, int value) {
    return setsockopt(fd, level, name, &value, sizeof(value));
}

static inline int csystem_set_timeout_option(int fd, int name, long milliseconds) {
    struct timeval tv;
    tv.tv_sec = milliseconds / 1000;
    tv.tv_usec = (milliseconds % 1000) * 1000;
    return setsockopt(fd, SOL_SOCKET, name, &tv, sizeof(tv));
}

/// send(2) that never raises SIGPIPE.
static inline ssize_t csystem_send(int fd, const void *buf, size_t len) {
    return send(fd, buf, len, MSG_NOSIGNAL);
}

/// sendmsg(2) of two buffers (an answer's head, then a large body from its own storage) without
/// SIGPIPE: the body is never copied behind the head in user space.
static inline ssize_t csystem_send2(int fd, const void *a, size_t alen, const void *b, size_t blen) {
    struct iovec parts[2] = { { (void *)a, alen }, { (void *)b, blen } };
    struct msghdr message = { 0 };
    message.msg_iov = parts;
    message.msg_iovlen = 2;
    return sendmsg(fd, &message, MSG_NOSIGNAL);
}

/// A sealed memory file (memfd_create, then F_SEAL_WRITE, SHRINK, GROW and SEAL) holding a copy
/// of `bytes`: nobody, this process included, can change it afterwards. -1 on failure (shim.c).
int csystem_sealed_file(const char *name, const void *bytes, size_t count);

/// sendfile(2) of `count` bytes from `offset` of `file` to `socket` (shim.c).
ssize_t csystem_sendfile(int socket, int file, long offset, size_t count);

/// send(2) with MSG_MORE (more follows: the kernel may hold a partial segment) and no SIGPIPE (shim.c).
ssize_t csystem_send_more(int fd, const void *bytes, size_t count);

static const uint32_t CSYSTEM_EPOLLIN = EPOLLIN;
static const uint32_t CSYSTEM_EPOLLOUT = EPOLLOUT;
static const uint32_t CSYSTEM_EPOLLERR = EPOLLERR;
static const uint32_t CSYSTEM_EPOLLHUP = EPOLLHUP;
static const uint32_t CSYSTEM_EPOLLRDHUP = EPOLLRDHUP;
static const uint32_t CSYSTEM_EPOLLET = EPOLLET;
static const uint32_t CSYSTEM_EPOLLEXCLUSIVE = EPOLLEXCLUSIVE;
#endif
