"""Times Python serpent 1.41 on the benchmark payload: 10,000 contact dicts with the five seed fields.
Prints one line: "<median dumps ms> <median loads ms> <serialized bytes>"."""
import statistics, sys, time
import serpent

SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
contacts = [{"id": i, "FirstName": "Nombre%d" % i, "SecondName": "Apellido %d" % i,
             "PhoneNumber": "+34 600 %06d" % i, "Email": "persona%d@example.com" % i} for i in range(10000)]


def median_ms(action):
    action()  # warm-up
    times, deadline = [], time.perf_counter() + SECONDS
    while time.perf_counter() < deadline or len(times) < 5:
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


data = serpent.dumps(contacts)
assert serpent.loads(data) == contacts
print("%.3f %.3f %d" % (median_ms(lambda: serpent.dumps(contacts)), median_ms(lambda: serpent.loads(data)), len(data)))
