# Lesson 8: a Pipe has two ends. What is sent into one end comes out of the other.
import multiprocessing
import time

END = "END"   # the message that means "no more messages"


def sender(conn):
    for text in ["hello", "how are you?", "bye"]:
        print(f"Sender: sending {text!r}")
        conn.send(text)
        time.sleep(0.3)
    print("Sender: sending END")
    conn.send(END)
    conn.close()


def receiver(conn):
    while True:
        message = conn.recv()      # the next message
        if message == END:
            print("Receiver: got END, stopping")
            break
        print(f"Receiver: got {message!r}")
    conn.close()


if __name__ == "__main__":
    sending_end, receiving_end = multiprocessing.Pipe()
    talker = multiprocessing.Process(target=sender, args=(sending_end,))
    listener = multiprocessing.Process(target=receiver, args=(receiving_end,))
    talker.start()
    listener.start()
    talker.join()
    listener.join()
    print("Main: the conversation is over")
