from locust import FastHttpUser, task, constant_throughput


class Visitor(FastHttpUser):
    wait_time = constant_throughput(1)

    @task
    def health(self):
        self.client.get("/health")
