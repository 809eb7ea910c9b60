import { Body, Controller, Post } from '@nestjs/common';
import { IsInt, IsString, Min } from 'class-validator';

export class CreateBookingDto {
  @IsString() slotId: string;
  @IsInt() @Min(1) guests: number;
}

@Controller('bookings')
export class BookingsController {
  @Post()
  create(@Body() dto: CreateBookingDto) {
    return dto;
  }
}
