import { Controller, Get } from '@nestjs/common';

@Controller()
export class AppController {
  @Get('orders')
  list() {
    return [];
  }
}
