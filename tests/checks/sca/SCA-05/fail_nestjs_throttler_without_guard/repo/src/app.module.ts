import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { CatsController } from './cats.controller';

// The module is configured, but no ThrottlerGuard is registered: nothing is limited.
@Module({
  imports: [ThrottlerModule.forRoot([{ ttl: 60000, limit: 10 }])],
  controllers: [CatsController],
})
export class AppModule {}
