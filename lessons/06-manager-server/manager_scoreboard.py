# Lesson 6: a Manager runs a small server process that holds a list and a dict.
# Other processes talk to it through "proxies" that look like an ordinary list and dict.
import multiprocessing
import time


def play(player, rounds, scores, best):
    for r in range(1, rounds + 1):
        points = r * 10
        scores.append(f"{player}:{points}")   # a message to the manager: "append this"
        print(f"{player} scored {points} in round {r}")
        time.sleep(0.2)
    best[player] = rounds * 10                 # another message: "set this key"


if __name__ == "__main__":
    with multiprocessing.Manager() as manager:
        # The manager's server process is already running now.
        others = [p.name for p in multiprocessing.active_children()]
        print(f"Processes running besides main: {others}")

        scores = manager.list()     # the real list lives in the manager's process
        best = manager.dict()       # and so does the real dict

        ann = multiprocessing.Process(target=play, args=("Ann", 3, scores, best))
        bob = multiprocessing.Process(target=play, args=("Bob", 2, scores, best))
        ann.start()
        bob.start()
        ann.join()
        bob.join()

        print(f"Scores (sorted): {sorted(scores)}")
        print(f"Best per player: {dict(sorted(best.items()))}")
    # Leaving the with-block shut the manager's server process down.
    print("Manager shut down. Done!")
